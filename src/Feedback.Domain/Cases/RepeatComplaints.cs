using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases;

/// <summary>
/// 重复投诉 (DESIGN §5): on submission, a complaint whose phone or email complained in the same category in the
/// previous 30 days is flagged. Two lookups, one per contact key, each a range of its (key, category,
/// submitted) index; never a scan.
/// </summary>
public static class RepeatComplaints
{
    public static async Task FlagAsync(FeedbackDbContext db, Case @case, CancellationToken cancellationToken)
    {
        if (@case.Kind != CaseKind.Complaint || (@case.ContactPhoneKey is null && @case.ContactEmailKey is null))
            return;
        var from = @case.SubmittedAt.AddDays(-Case.RepeatWindowDays);
        var to = @case.SubmittedAt;
        var earlier = db.Cases.Where(c => c.Kind == CaseKind.Complaint && c.CategoryId == @case.CategoryId
            && c.SubmittedAt >= from && c.SubmittedAt < to && c.Id != @case.Id);
        var repeat = (@case.ContactPhoneKey is { } phone && await earlier.AnyAsync(c => c.ContactPhoneKey == phone, cancellationToken))
            || (@case.ContactEmailKey is { } email && await earlier.AnyAsync(c => c.ContactEmailKey == email, cancellationToken));
        if (repeat)
            @case.FlagAsRepeatComplaint();
    }
}
