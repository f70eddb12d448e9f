using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Common.Privacy;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Publishing.Queries;

/// <summary>The public list of suggestions the organisation adopted (fully or partly), newest decision first, masked.</summary>
public sealed record ListAdoptedSuggestions(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<AdoptedSuggestion>>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;

    public IEnumerable<ValidationError> Validate() => Paging.Validate(Page, PageSize);
}

public sealed record AdoptedSuggestion(string Subject, SuggestionVerdict Verdict, string Reason, Guid CategoryId, Guid ServiceAreaId, DateTimeOffset DecidedAt);

public sealed class ListAdoptedSuggestionsHandler(FeedbackDbContext db) : IQueryHandler<ListAdoptedSuggestions, PagedList<AdoptedSuggestion>>
{
    private static readonly SuggestionVerdict[] Adopted = [SuggestionVerdict.Adopted, SuggestionVerdict.PartlyAdopted];

    public async ValueTask<PagedList<AdoptedSuggestion>> Handle(ListAdoptedSuggestions query, CancellationToken cancellationToken)
    {
        var decisions = db.SuggestionDecisions.AsNoTracking().Where(d => Adopted.Contains(d.Verdict));
        var total = await decisions.CountAsync(cancellationToken);
        var rows = await (
                from d in decisions.OrderByDescending(d => d.DecidedAt).Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
                join c in db.Cases on d.CaseId equals c.Id
                orderby d.DecidedAt descending
                select new { c.Subject, d.Verdict, d.Reason, c.CategoryId, c.ServiceAreaId, d.DecidedAt, c.Contact })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new AdoptedSuggestion(PersonalDataInText.Mask(r.Subject, r.Contact).Text, r.Verdict,
            PersonalDataInText.Mask(r.Reason, r.Contact).Text, r.CategoryId, r.ServiceAreaId, r.DecidedAt)).ToList();
        return new PagedList<AdoptedSuggestion>(items, query.Page, query.PageSize, total);
    }
}
