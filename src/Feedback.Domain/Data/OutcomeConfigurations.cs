using Feedback.Domain.Cases;
using Feedback.Domain.Publishing;
using Feedback.Domain.Rectification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Feedback.Domain.Data;

// Rectification, verification, suggestion decisions and published outcomes (issue 4). Each index names
// the query it serves.

internal sealed class CaseRectificationConfiguration : IEntityTypeConfiguration<CaseRectification>
{
    public void Configure(EntityTypeBuilder<CaseRectification> b)
    {
        b.ToTable("Rectifications");
        b.Ignore(r => r.DomainEvents);
        b.Property(r => r.RootCause).HasMaxLength(CaseRectification.RootCauseMaxLength);
        b.Property(r => r.RecordedByName).HasMaxLength(100);
        b.HasOne<Case>().WithOne().HasForeignKey<CaseRectification>(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        // One per case, found by case (the staff page, the verification rule, the sweep).
        b.HasIndex(r => r.CaseId).IsUnique();
        b.HasMany(r => r.Measures).WithOne().HasForeignKey(m => m.RectificationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Measures).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RectificationMeasureConfiguration : IEntityTypeConfiguration<RectificationMeasure>
{
    public void Configure(EntityTypeBuilder<RectificationMeasure> b)
    {
        b.ToTable("RectificationMeasures");
        // Made in memory (Guid v7): a measure added to a loaded rectification is an INSERT.
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Description).HasMaxLength(RectificationMeasure.DescriptionMaxLength);
        b.Property(m => m.OwnerName).HasMaxLength(100);
        b.Property(m => m.CompletionNote).HasMaxLength(RectificationMeasure.NoteMaxLength);
        b.HasIndex(m => m.RectificationId);
        // The overdue scan: WHERE WarnAt <= now, a range of this index (null once done or warned).
        b.HasIndex(m => m.WarnAt);
        // Reports: measures overdue at a date (WHERE Status <> Done AND DueAt < …).
        b.HasIndex(m => new { m.Status, m.DueAt });
        // KPIs: measures due in a month and whether they were done by then (covering).
        b.HasIndex(m => new { m.DueAt, m.Status, m.CompletedAt, m.RectificationId });
        // "My measures" for an owner.
        b.HasIndex(m => new { m.OwnerUserId, m.Status });
        b.HasMany(m => m.Evidence).WithOne().HasForeignKey(e => e.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MeasureEvidenceConfiguration : IEntityTypeConfiguration<MeasureEvidence>
{
    public void Configure(EntityTypeBuilder<MeasureEvidence> b)
    {
        b.ToTable("MeasureEvidence");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.StorageKey).HasMaxLength(100);
        b.HasIndex(e => e.MeasureId);
    }
}

internal sealed class SuggestionDecisionConfiguration : IEntityTypeConfiguration<SuggestionDecision>
{
    public void Configure(EntityTypeBuilder<SuggestionDecision> b)
    {
        b.ToTable("SuggestionDecisions");
        b.Ignore(d => d.DomainEvents);
        b.Property(d => d.Reason).HasMaxLength(SuggestionDecision.ReasonMaxLength);
        b.Property(d => d.DecidedByName).HasMaxLength(100);
        b.HasOne<Case>().WithOne().HasForeignKey<SuggestionDecision>(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.CaseId).IsUnique();
        // The public list of adopted suggestions, newest first, and "adopted" counts joined to closed cases.
        b.HasIndex(d => new { d.Verdict, d.DecidedAt });
    }
}

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> b)
    {
        b.ToTable("Outcomes");
        b.Ignore(o => o.DomainEvents);
        b.Property(o => o.DraftTitle).HasMaxLength(Outcome.TitleMaxLength);
        b.Property(o => o.PublicTitle).HasMaxLength(Outcome.TitleMaxLength);
        b.Property(o => o.DraftMarkdown).HasMaxLength(Outcome.BodyMaxLength);
        b.Property(o => o.PublicMarkdown).HasMaxLength(Outcome.BodyMaxLength);
        b.Property(o => o.DraftedByName).HasMaxLength(100);
        b.Property(o => o.ApprovedByName).HasMaxLength(100);
        b.Property(o => o.UnpublishReason).HasMaxLength(Outcome.NoteMaxLength);
        b.HasOne<Case>().WithOne().HasForeignKey<Outcome>(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => o.CaseId).IsUnique();
        // The public board: WHERE Status = Published [AND Category/Area/Kind = ?] [AND PublishedAt in month]
        // ORDER BY PublishedAt DESC — each filter has its own index ending in PublishedAt.
        b.HasIndex(o => new { o.Status, o.PublishedAt });
        b.HasIndex(o => new { o.Status, o.CategoryId, o.PublishedAt });
        b.HasIndex(o => new { o.Status, o.ServiceAreaId, o.PublishedAt });
        b.HasIndex(o => new { o.Status, o.Kind, o.PublishedAt });
        // A head's approval inbox and its badge: WHERE DepartmentId = ? AND Status = AwaitingApproval ORDER BY SubmittedAt.
        b.HasIndex(o => new { o.DepartmentId, o.Status, o.SubmittedAt });
        b.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OutcomeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OutcomeHistoryEntryConfiguration : IEntityTypeConfiguration<OutcomeHistoryEntry>
{
    public void Configure(EntityTypeBuilder<OutcomeHistoryEntry> b)
    {
        b.ToTable("OutcomeHistory");
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.ByName).HasMaxLength(100);
        b.Property(h => h.Note).HasMaxLength(Outcome.NoteMaxLength);
        b.HasIndex(h => new { h.OutcomeId, h.At });
    }
}

/// <summary>The case indexes the outcome work queries (kept here, next to those queries).</summary>
internal sealed class CaseOutcomeIndexes : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        // The 7-day sweep: WHERE Status = Resolved AND ResolvedAt <= now - 7 days.
        b.HasIndex(c => new { c.Status, c.ResolvedAt });
        // "Suggestions adopted" (DESIGN §5): suggestions closed in a month.
        b.HasIndex(c => new { c.Kind, c.ClosedAt });
    }
}
