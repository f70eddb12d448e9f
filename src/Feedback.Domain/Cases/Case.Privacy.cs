using Feedback.Domain.Common.Privacy;

namespace Feedback.Domain.Cases;

/// <summary>
/// Forgetting the person behind a case while keeping the case for the statistics (DESIGN §6, the privacy
/// page): when their account is deleted, and when a closed case has been kept for the retention period.
/// Neither touches what the KPIs count (kind, category, area, department, times, statuses, flags).
/// </summary>
public sealed partial class Case
{
    /// <summary>When the retention sweep anonymised the case; null while it still holds personal data.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>
    /// The submitter deleted their account: their contact details and their name on the timeline go. The
    /// case itself (and its free text, which the department may still need) stays until retention.
    /// </summary>
    public void ForgetSubmitter(Guid userId, DateTimeOffset now)
    {
        ClearContact();
        foreach (var entry in _events.Where(e => e.ActorUserId == userId))
            entry.ForgetActorName();
        Append(CaseEventType.ContactErased, CaseActor.System, now, text: null, isPublic: true);
    }

    /// <summary>
    /// The retention period is over: contact details, the submitter's name on the timeline, personal data in
    /// every free text (found with the shared masker, the case's own contact first) and the attachments go.
    /// Returns the attachments removed, whose files the caller deletes. Does nothing the second time.
    /// </summary>
    public IReadOnlyList<CaseAttachment> Anonymise(DateTimeOffset now)
    {
        if (AnonymisedAt is not null)
            return [];
        var known = Contact;
        Subject = MaskedText(Subject, known)!;
        Description = MaskedText(Description, known)!;
        ResolutionSummary = MaskedText(ResolutionSummary, known);
        foreach (var entry in _events)
        {
            entry.MaskText(text => MaskedText(text, known));
            if (entry.ActorCapacity == Actor.Submitter)
                entry.ForgetActorName();
        }
        ClearContact();
        // Case attachments come only from the submitter (filing, answering a question) or a dispatcher filing
        // for a caller; photos staff and supervisors take are kept on measures and reviews, not here.
        var removed = _attachments.ToList();
        _attachments.Clear();
        AnonymisedAt = now;
        Append(CaseEventType.Anonymised, CaseActor.System, now, text: null, isPublic: true);
        return removed;
    }

    /// <summary>Free text with its personal data masked the way the rest of the app masks it.</summary>
    public static string? MaskedText(string? text, ContactDetails? known) =>
        string.IsNullOrEmpty(text) ? text : PersonalDataInText.Mask(text, known).Text;

    private void ClearContact()
    {
        Contact = ContactDetails.None;
        ContactPhoneKey = null;
        ContactEmailKey = null;
    }
}
