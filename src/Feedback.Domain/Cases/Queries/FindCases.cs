using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Queries;

/// <summary>
/// The dispatcher's search over every department: a whole tracking number finds that case; anything else
/// is looked for in subjects and at the start of tracking numbers (a filing date like "261127-"). Newest first.
/// </summary>
public sealed record FindCases(string Term, int Page = 1) : IQuery<CasePage>, IAuthorizedMessage, IValidate
{
    public const int TermMaxLength = 100;

    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Dispatcher);

    public IEnumerable<ValidationError> Validate() =>
        Check.Required(Term, nameof(Term), TermMaxLength).Concat(CaseList.ValidatePage(Page));
}

public sealed class FindCasesHandler(FeedbackDbContext db) : IQueryHandler<FindCases, CasePage>
{
    public async ValueTask<CasePage> Handle(FindCases query, CancellationToken cancellationToken)
    {
        var term = query.Term.Trim();
        var number = TrackingNumber.Normalise(term);
        var cases = db.Cases.AsNoTracking();
        // A tracking number is a unique-index lookup; text search scans subjects (fine at a service centre's volume).
        cases = TrackingNumber.LooksValid(number)
            ? cases.Where(c => c.TrackingNumber == number)
            : cases.Where(c => c.Subject.Contains(term) || c.TrackingNumber.StartsWith(number));
        return await cases.PageAsync(db, c => c.OrderByDescending(x => x.SubmittedAt).ThenBy(x => x.Id), query.Page, cancellationToken);
    }
}
