using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Domain.Reporting;
using Feedback.Domain.Satisfaction;
using Feedback.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Feedback.Domain.Data;

// The KPIs count ranges of instants (DESIGN §5): each measure has an index that starts with its instant, so
// a month is one index range however many cases there are. See Reporting/KpiCalculator.cs.

internal sealed class CaseReportingConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(c => c.ContactPhoneKey).HasMaxLength(40);
        b.Property(c => c.ContactEmailKey).HasMaxLength(254);
        // Repeat-complaint lookup at submission: same contact, same category, previous 30 days.
        b.HasIndex(c => new { c.ContactPhoneKey, c.CategoryId, c.SubmittedAt });
        b.HasIndex(c => new { c.ContactEmailKey, c.CategoryId, c.SubmittedAt });
        // One index per measure, led by the instant it ranges over and covering every column the measure
        // reads (the dimensions it groups by included): a month is one index range and the wide case rows are
        // never read. received / closed & backlog / timely contact / commitment fulfilment / resolution time.
        b.HasIndex(c => new { c.SubmittedAt, c.Kind, c.IsRepeatComplaint, c.DepartmentId, c.CategoryId, c.ServiceAreaId });
        b.HasIndex(c => new { c.ClosedAt, c.SubmittedAt, c.DepartmentId, c.CategoryId, c.ServiceAreaId, c.Kind, c.Status });
        b.HasIndex(c => new { c.ContactBy, c.Status, c.FirstContactedAt, c.DepartmentId, c.CategoryId, c.ServiceAreaId, c.Kind });
        b.HasIndex(c => new { c.OriginalResolveBy, c.Status, c.ResolvedAt, c.DepartmentId, c.CategoryId, c.ServiceAreaId, c.Kind });
        b.HasIndex(c => new { c.ResolvedAt, c.Status, c.AchievedResolveMinutes, c.DepartmentId, c.CategoryId, c.ServiceAreaId, c.Kind });
        // Cases found through the timeline (resolved / reopened in a month) are grouped without reading their rows.
        b.HasIndex(c => new { c.Id, c.DepartmentId, c.CategoryId, c.ServiceAreaId, c.Kind });
    }
}

internal sealed class ReviewReportingConfiguration : IEntityTypeConfiguration<Review>
{
    // Reviews submitted in a month, by department and area.
    public void Configure(EntityTypeBuilder<Review> b) => b.HasIndex(r => new { r.SubmittedAt, r.DepartmentId, r.ServiceAreaId });
}

internal sealed class CaseEventReportingConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    // Reopen rate: the cases resolved and reopened in a month, from the timeline.
    public void Configure(EntityTypeBuilder<CaseEvent> b) => b.HasIndex(e => new { e.Action, e.At });
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Ignore(s => s.DomainEvents);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.TokenHash).HasMaxLength(64);
        b.Property(s => s.ReminderTokenHash).HasMaxLength(64);
        b.Property(s => s.Comment).HasMaxLength(Survey.CommentMaxLength);
        b.Property(s => s.CallbackNote).HasMaxLength(Survey.CallbackNoteMaxLength);
        b.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        // One survey (one answer) per case.
        b.HasIndex(s => s.CaseId).IsUnique();
        b.HasIndex(s => s.TokenHash).IsUnique();
        b.HasIndex(s => s.ReminderTokenHash);
        // The sweep: WHERE NextStepAt <= now ORDER BY NextStepAt.
        b.HasIndex(s => s.NextStepAt);
        // KPIs: surveys sent and answers received in a month (covering, as for the cases).
        b.HasIndex(s => new { s.SentAt, s.DepartmentId, s.CategoryId, s.ServiceAreaId, s.Kind });
        b.HasIndex(s => new { s.AnsweredAt, s.Score, s.DepartmentId, s.CategoryId, s.ServiceAreaId, s.Kind, s.CaseId });
        // The callback list: WHERE NeedsCallback AND CalledBackAt IS NULL ORDER BY AnsweredAt.
        b.HasIndex(s => new { s.NeedsCallback, s.CalledBackAt, s.AnsweredAt });
    }
}

internal sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> b)
    {
        b.Ignore(r => r.DomainEvents);
        b.Ignore(r => r.ReportMonth);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasIndex(r => new { r.Year, r.Month }).IsUnique();
    }
}
