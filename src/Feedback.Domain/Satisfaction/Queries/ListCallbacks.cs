using Feedback.Domain.Auditing;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Common.Privacy;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Satisfaction.Queries;

/// <summary>
/// 回访回拨: unhappy survey answers waiting for the service centre to call the customer back, oldest first
/// (or, with <see cref="Done"/>, the calls already made, newest first). Paged in SQL on the
/// (NeedsCallback, CalledBackAt, AnsweredAt) index.
/// </summary>
public sealed record ListCallbacks(bool Done = false, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<CallbackRow>>, IAuthorizedMessage, IValidate, IAudited<PagedList<CallbackRow>>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Dispatcher);

    public IEnumerable<ValidationError> Validate() => Paging.Validate(Page, PageSize);

    /// <summary>Recorded when the page showed someone's contact details unmasked: which cases, by tracking number.</summary>
    public AuditNote? Audit(PagedList<CallbackRow> rows)
    {
        var shown = rows.Items.Where(r => r.Kind != CaseKind.Report && (r.ContactName ?? r.ContactPhone ?? r.ContactEmail) is not null).ToList();
        return shown.Count == 0 ? null
            : new(AuditAction.CallbackListRead, null, $"page {Page}, {shown.Count} case(s): {string.Join(" ", shown.Select(r => r.TrackingNumber))}");
    }
}

/// <summary>A misconduct reporter's contact stays masked (only the Integrity office may know them).</summary>
public sealed record CallbackRow(
    Guid SurveyId, Guid CaseId, string TrackingNumber, CaseKind Kind, Guid? DepartmentId, string Subject,
    string? ContactName, string? ContactPhone, string? ContactEmail,
    int Score, bool Resolved, string? Comment, DateTimeOffset AnsweredAt, DateTimeOffset? CalledBackAt, string? CallbackNote);

public sealed class ListCallbacksHandler(FeedbackDbContext db) : IQueryHandler<ListCallbacks, PagedList<CallbackRow>>
{
    public async ValueTask<PagedList<CallbackRow>> Handle(ListCallbacks query, CancellationToken cancellationToken)
    {
        var surveys = db.Surveys.AsNoTracking().Where(s => s.NeedsCallback && (query.Done ? s.CalledBackAt != null : s.CalledBackAt == null));
        var total = await surveys.CountAsync(cancellationToken);
        var ordered = query.Done ? surveys.OrderByDescending(s => s.CalledBackAt) : surveys.OrderBy(s => s.AnsweredAt);
        var rows = await (from s in ordered.Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
                          join c in db.Cases on s.CaseId equals c.Id
                          select new
                          {
                              s.Id, CaseId = c.Id, c.TrackingNumber, c.Kind, s.DepartmentId, c.Subject, c.IsAnonymous,
                              c.Contact.Name, c.Contact.Phone, c.Contact.Email,
                              s.Score, s.Resolved, s.Comment, s.AnsweredAt, s.CalledBackAt, s.CallbackNote,
                          })
            .ToListAsync(cancellationToken);
        var items = rows
            .OrderBy(r => query.Done ? -(r.CalledBackAt?.UtcTicks ?? 0) : r.AnsweredAt!.Value.UtcTicks)
            .Select(r =>
            {
                var masked = r.Kind == CaseKind.Report;
                return new CallbackRow(r.Id, r.CaseId, r.TrackingNumber, r.Kind, r.DepartmentId, r.Subject,
                    masked ? PersonalDataMasker.MaskName(r.Name) : r.IsAnonymous ? null : r.Name,
                    masked ? PersonalDataMasker.MaskPhone(r.Phone) : r.Phone,
                    masked ? PersonalDataMasker.MaskEmail(r.Email) : r.Email,
                    r.Score ?? 0, r.Resolved ?? false, r.Comment, r.AnsweredAt!.Value, r.CalledBackAt, r.CallbackNote);
            })
            .ToList();
        return new PagedList<CallbackRow>(items, query.Page, query.PageSize, total);
    }
}
