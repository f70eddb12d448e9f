using Feedback.Domain.Api;
using Feedback.Domain.Cases;
using Feedback.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Feedback.Domain.Data;

// The partner APIs (Open311 and /api/v1): keys, their request log, Open311's extra fields.

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Ignore(k => k.DomainEvents);
        b.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        b.Property(k => k.Prefix).HasMaxLength(20);
        b.Property(k => k.SecretHash).HasMaxLength(64);
        // Every API request finds its key by the hash of the secret it presents.
        b.HasIndex(k => k.SecretHash).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(k => k.ActingUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiRequestLogEntryConfiguration : IEntityTypeConfiguration<ApiRequestLogEntry>
{
    public void Configure(EntityTypeBuilder<ApiRequestLogEntry> b)
    {
        b.ToTable("ApiRequestLog");
        b.Property(e => e.Method).HasMaxLength(10);
        b.Property(e => e.Path).HasMaxLength(ApiRequestLogEntry.PathMaxLength);
        b.HasOne<ApiKey>().WithMany().HasForeignKey(e => e.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
        // The admin page: a key's recent requests and its counts since a time.
        b.HasIndex(e => new { e.ApiKeyId, e.At });
    }
}

internal sealed class Open311UpdateReceiptConfiguration : IEntityTypeConfiguration<Open311UpdateReceipt>
{
    public void Configure(EntityTypeBuilder<Open311UpdateReceipt> b)
    {
        // The key is the rule: one update per client update_id per request (two sendings at once: one wins).
        b.HasKey(r => new { r.CaseId, r.ClientUpdateId });
        b.Property(r => r.ClientUpdateId).HasMaxLength(Open311Details.IdMaxLength);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class Open311DetailsConfiguration : IEntityTypeConfiguration<Open311Details>
{
    public void Configure(EntityTypeBuilder<Open311Details> b)
    {
        b.HasKey(d => d.CaseId);
        b.Property(d => d.AddressString).HasMaxLength(Open311Details.AddressMaxLength);
        b.Property(d => d.AddressId).HasMaxLength(Open311Details.IdMaxLength);
        b.Property(d => d.DeviceId).HasMaxLength(Open311Details.IdMaxLength);
        b.Property(d => d.AccountId).HasMaxLength(Open311Details.IdMaxLength);
        b.Property(d => d.MediaUrl).HasMaxLength(Open311Details.MediaUrlMaxLength);
        b.Property(d => d.Token).HasMaxLength(32);
        b.HasIndex(d => d.Token).IsUnique();
        b.HasOne<Case>().WithOne().HasForeignKey<Open311Details>(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Indexes the partner APIs add to the case tables (kept here so the case configuration stays one owner's).</summary>
internal sealed class ApiCaseIndexes : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        // Open311 GET requests: WHERE Channel = 'Open311' AND SubmittedAt BETWEEN … [AND CategoryId = ?] ORDER BY SubmittedAt DESC.
        b.HasIndex(c => new { c.Channel, c.SubmittedAt });
        b.HasIndex(c => new { c.Channel, c.CategoryId, c.SubmittedAt });
    }
}

internal sealed class ApiCaseEventIndexes : IEntityTypeConfiguration<CaseEvent>
{
    // The hotline API's change feed: WHERE At > cursor ORDER BY At.
    public void Configure(EntityTypeBuilder<CaseEvent> b) => b.HasIndex(e => e.At);
}
