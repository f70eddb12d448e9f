using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Queries;

/// <summary>The dispatcher's triage queue: cases no rule could route (or sent back as "not ours"), oldest first.</summary>
public sealed record ListTriage(int Page = 1) : IQuery<CasePage>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Dispatcher);

    public IEnumerable<ValidationError> Validate() => CaseList.ValidatePage(Page);
}

public sealed class ListTriageHandler(FeedbackDbContext db) : IQueryHandler<ListTriage, CasePage>
{
    public async ValueTask<CasePage> Handle(ListTriage query, CancellationToken cancellationToken) =>
        await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Submitted)
            .PageAsync(db, cases => cases.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id), query.Page, cancellationToken);
}
