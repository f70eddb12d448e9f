using Feedback.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Feedback.Domain.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameMaxLength);
        b.Property(e => e.TargetId).HasMaxLength(AuditEntry.TargetMaxLength);
        b.Property(e => e.Summary).HasMaxLength(AuditEntry.SummaryMaxLength);
        b.Property(e => e.IpAddress).HasMaxLength(AuditEntry.AddressMaxLength);
        b.Property(e => e.UserAgent).HasMaxLength(AuditEntry.UserAgentMaxLength);
        // No foreign keys: a line outlives the account, key or case it names (who did it must stay readable).
        // The admin search, newest first: by time alone, or by name, account, action or target within time. The
        // retention purge walks the At index from the oldest end.
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.ActorName, e.At });
        b.HasIndex(e => new { e.ActorUserId, e.At });
        b.HasIndex(e => new { e.Action, e.At });
        b.HasIndex(e => new { e.TargetId, e.At });
    }
}
