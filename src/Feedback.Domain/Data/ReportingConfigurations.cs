using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Domain.Reporting;
using Feedback.Domain.Satisfaction;
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
        // received / closed & backlog / timely contact / commitment fulfilment / resolution time.
        b.HasIndex(c => c.SubmittedAt);
        b.HasIndex(c => new { c.ClosedAt, c.SubmittedAt });
        b.HasIndex(c => c.ContactBy);
        b.HasIndex(c => c.OriginalResolveBy);
        b.HasIndex(c => c.ResolvedAt);
    }
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
        // KPIs: surveys sent and answers received in a month.
        b.HasIndex(s => s.SentAt);
        b.HasIndex(s => s.AnsweredAt);
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
