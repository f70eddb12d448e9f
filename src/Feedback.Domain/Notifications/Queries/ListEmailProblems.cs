using Feedback.Domain.Common;
using Feedback.Domain.Common.Privacy;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Notifications.Queries;

/// <summary>
/// The admin's view of outgoing mail: how many are pending, sent and dead, and a page of the ones that
/// failed (dead letters and those still being retried), newest first. Recipients are masked.
/// </summary>
public sealed record ListEmailProblems(int Page = 1) : IQuery<EmailProblemsPage>, IAuthorizedMessage
{
    public const int PageSize = 20;

    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed record EmailProblemsPage(EmailCounts Counts, IReadOnlyList<EmailProblem> Items, int Page, int PageCount);

public sealed record EmailCounts(int Pending, int Sent, int Dead);

public sealed record EmailProblem(
    Guid Id, string MaskedTo, string Template, EmailStatus Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt);

public sealed class ListEmailProblemsHandler(FeedbackDbContext db) : IQueryHandler<ListEmailProblems, EmailProblemsPage>
{
    public async ValueTask<EmailProblemsPage> Handle(ListEmailProblems query, CancellationToken cancellationToken)
    {
        var byStatus = await db.EmailMessages
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var counts = new EmailCounts(byStatus.GetValueOrDefault(EmailStatus.Pending), byStatus.GetValueOrDefault(EmailStatus.Sent), byStatus.GetValueOrDefault(EmailStatus.DeadLetter));

        var problems = db.EmailMessages.AsNoTracking()
            .Where(m => m.Status == EmailStatus.DeadLetter || (m.Status == EmailStatus.Pending && m.Attempts > 0));
        var total = await problems.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + ListEmailProblems.PageSize - 1) / ListEmailProblems.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await problems
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * ListEmailProblems.PageSize).Take(ListEmailProblems.PageSize)
            .Select(m => new { m.Id, m.To, m.Template, m.Status, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt })
            .ToListAsync(cancellationToken);
        var items = rows
            .Select(m => new EmailProblem(m.Id, PersonalDataMasker.MaskEmail(m.To) ?? "", m.Template, m.Status, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt))
            .ToList();
        return new EmailProblemsPage(counts, items, page, pageCount);
    }
}
