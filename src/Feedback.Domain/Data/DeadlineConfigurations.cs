using Feedback.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Feedback.Domain.Data;

internal sealed class DeadlineExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> b)
    {
        b.ToTable("DeadlineExtensions");
        // Made in memory with the case (Guid v7): an extension added to a loaded case is an INSERT.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Reason).HasMaxLength(DeadlineExtension.ReasonMaxLength);
        b.Property(e => e.DecisionNote).HasMaxLength(DeadlineExtension.ReasonMaxLength);
        b.Property(e => e.RequestedByName).HasMaxLength(100);
        b.Property(e => e.DecidedByName).HasMaxLength(100);
        b.HasIndex(e => new { e.CaseId, e.RequestedAt });
    }
}
