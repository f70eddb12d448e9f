using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>
/// What the emails about a case need to know about it, read in one query. Only cases with a contact email
/// get one; an anonymous case keeps no name, so the template's greeting falls back to its default.
/// </summary>
internal sealed record CaseMailing(
    Guid CaseId, string TrackingNumber, string Subject, CaseKind Kind, string Email, string? Name, string Culture,
    DateTimeOffset? ContactBy, DateTimeOffset? ResolveBy)
{
    /// <summary>Site-relative; the email queue makes it absolute with the public base URL.</summary>
    public const string TrackPath = "/Public/Track";

    public static Task<CaseMailing?> LoadAsync(FeedbackDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        Of(db.Cases.Where(c => c.Id == caseId)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The mailing of each of these cases that has a contact email, in one query.</summary>
    public static IQueryable<CaseMailing> Of(IQueryable<Case> cases) =>
        cases.AsNoTracking()
            .Where(c => c.Contact.Email != null && c.Contact.Email != "")
            .Select(c => new CaseMailing(c.Id, c.TrackingNumber, c.Subject, c.Kind, c.Contact.Email!,
                c.IsAnonymous ? null : c.Contact.Name, c.Culture, c.ContactBy, c.ResolveBy));

    /// <summary>
    /// A misconduct reporter is told that the report arrived, and can follow its status with the PIN; how the
    /// Integrity office handles it is not put in emails.
    /// </summary>
    public bool ReceivesUpdates => Kind != CaseKind.Report;

    /// <summary>
    /// Sends the submitter one public timeline entry (a reply, a question, a resolution) as the template's
    /// <paramref name="valueName"/>, if the case has an email and its submitter receives updates.
    /// </summary>
    public static async ValueTask QueueTimelineEntryAsync(FeedbackDbContext db, IEmailQueue queue, Guid caseId, Guid eventId,
        string template, string valueName, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, caseId, cancellationToken) is not { ReceivesUpdates: true } mailing)
            return;
        var text = await db.CaseEvents.AsNoTracking()
            .Where(e => e.Id == eventId && e.CaseId == caseId && e.IsPublic)
            .Select(e => e.Text)
            .SingleOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(text))
            await mailing.QueueAsync(queue, template, cancellationToken, (valueName, text));
    }

    public ValueTask QueueAsync(IEmailQueue queue, string template, CancellationToken cancellationToken, params (string Key, string Value)[] values)
    {
        var all = new Dictionary<string, string>
        {
            ["TrackingNumber"] = TrackingNumber,
            ["Subject"] = Subject,
            ["TrackUrl"] = TrackPath,
            ["Name"] = Name ?? "",
        };
        foreach (var (key, value) in values)
            all[key] = value;
        return queue.QueueAsync(Email, template, Culture, all, CaseId, cancellationToken);
    }
}
