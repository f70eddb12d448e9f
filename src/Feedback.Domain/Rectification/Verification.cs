using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Rectification;

/// <summary>
/// 验收 (DESIGN §3): which resolved cases the person who raised them must verify, and what happens when
/// they do not answer. Verifying IS the lifecycle's ConfirmResolution / RejectResolution (rejecting reopens);
/// this class only says when those answers count as a verification, so that every part of the product
/// (pages, the 7-day sweep, surveys, supervisors' follow-up) asks the same rule.
/// </summary>
public static class Verification
{
    /// <summary>Calendar days a resolved case waits for an answer before it closes by itself.</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// THE rule: a supervision finding always needs verification by the supervisor who filed it; a complaint
    /// needs it once a rectification was recorded; other kinds never do. Such a case closes only when its
    /// submitter accepts, or as "verified by default" after <see cref="AnswerWindow"/> — never by a survey.
    /// </summary>
    public static bool IsRequired(CaseKind kind, bool rectificationRecorded) =>
        kind == CaseKind.SupervisionFinding || (kind == CaseKind.Complaint && rectificationRecorded);

    /// <summary>The rule for a stored case (one indexed lookup for the rectification).</summary>
    public static async Task<bool> IsRequiredAsync(this FeedbackDbContext db, Guid caseId, CaseKind kind, CancellationToken cancellationToken) =>
        kind == CaseKind.SupervisionFinding
        || (kind == CaseKind.Complaint && await db.Rectifications.AnyAsync(r => r.CaseId == caseId, cancellationToken));

    /// <summary>Has a case resolved at <paramref name="resolvedAt"/> waited long enough for an answer?</summary>
    public static bool AnswerWindowPassed(DateTimeOffset resolvedAt, DateTimeOffset now) => now - resolvedAt >= AnswerWindow;

    /// <summary>
    /// What the timeline says when a case closes without an answer, in the submitter's language (the
    /// timeline keeps text, and this line is read by the submitter).
    /// </summary>
    public static string DefaultCloseText(bool verificationRequired, string culture)
    {
        var english = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        return (verificationRequired, english) switch
        {
            (true, false) => "验收默认通过：7 天内未收到验收意见。",
            (true, true) => "Verified by default: no answer to the verification within 7 days.",
            (false, false) => "7 天内未收到答复，工单自动办结。",
            (false, true) => "Closed automatically after 7 days without an answer.",
        };
    }
}
