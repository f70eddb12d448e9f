using Feedback.Domain.Cases;
using Feedback.Domain.Identity;
using Feedback.Domain.Notifications;
using Feedback.Domain.Organisation;
using Feedback.Domain.Routing;
using Feedback.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Feedback.Domain.Data;

// Indexes follow the queues and lookups that the pages make; see each comment for the query it serves.

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Ignore(c => c.DomainEvents);
        b.Property(c => c.TrackingNumber).HasMaxLength(16);
        b.HasIndex(c => c.TrackingNumber).IsUnique();
        b.Property(c => c.SubmissionKey).HasMaxLength(SubmissionKey.MaxLength);
        // Only keyed filings are indexed: the index stays small and costs un-keyed inserts nothing.
        b.HasIndex(c => c.SubmissionKey).IsUnique().HasFilter("SubmissionKey IS NOT NULL");
        b.Property(c => c.AccessPinHash).HasMaxLength(64);
        b.Property(c => c.Subject).HasMaxLength(Case.SubjectMaxLength);
        b.Property(c => c.Description).HasMaxLength(Case.DescriptionMaxLength);
        b.Property(c => c.Culture).HasMaxLength(8);
        b.Property(c => c.ResolutionSummary).HasMaxLength(Case.TextMaxLength);
        b.ComplexProperty(c => c.Contact, contact =>
        {
            contact.Property(x => x.Name).HasColumnName("ContactName").HasMaxLength(100);
            contact.Property(x => x.Phone).HasColumnName("ContactPhone").HasMaxLength(40);
            contact.Property(x => x.Email).HasColumnName("ContactEmail").HasMaxLength(254);
            contact.Property(x => x.Address).HasColumnName("ContactAddress").HasMaxLength(300);
            contact.Property(x => x.CustomerNumber).HasColumnName("ContactCustomerNumber").HasMaxLength(40);
        });
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.AccusedDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServiceArea>().WithMany().HasForeignKey(c => c.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.SubmitterUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.MasterCaseId).OnDelete(DeleteBehavior.Restrict);

        // Department queue: WHERE DepartmentId = ? [AND Status = ?] ORDER BY ResolveBy / SubmittedAt.
        b.HasIndex(c => new { c.DepartmentId, c.Status, c.ResolveBy });
        b.HasIndex(c => new { c.DepartmentId, c.SubmittedAt });
        // Queue filters by category / area inside a department.
        b.HasIndex(c => new { c.DepartmentId, c.CategoryId, c.Status });
        b.HasIndex(c => new { c.DepartmentId, c.ServiceAreaId, c.Status });
        // Triage queue (Status = Submitted) and the dispatcher's all-cases view.
        b.HasIndex(c => new { c.Status, c.SubmittedAt });
        // "My cases" for a signed-in customer.
        b.HasIndex(c => new { c.SubmitterUserId, c.SubmittedAt });
        b.HasIndex(c => new { c.AssigneeId, c.Status });
        b.HasIndex(c => c.MasterCaseId);
        // Overdue scans and KPI ranges over deadlines.
        b.HasIndex(c => new { c.Status, c.ResolveBy });

        b.HasMany(c => c.Extensions).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Extensions).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The deadline scan: WHERE NextEscalationAt <= now ORDER BY NextEscalationAt, a range of this index.
        b.HasIndex(c => c.NextEscalationAt);
        // The retention sweep and its counts: WHERE AnonymisedAt IS NULL AND ClosedAt <= cutoff ORDER BY ClosedAt.
        b.HasIndex(c => new { c.AnonymisedAt, c.ClosedAt });
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        // Ids are made in memory (Guid v7): without this, an event appended to a loaded case is taken for
        // an existing row and saved as an UPDATE that matches nothing.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Text).HasMaxLength(Case.TextMaxLength);
        b.HasIndex(e => new { e.CaseId, e.At });
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> b)
    {
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.StorageKey).HasMaxLength(100);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b) => NamedEntityConfiguration.Configure(b);
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b) => NamedEntityConfiguration.Configure(b);
}

internal sealed class ServiceAreaConfiguration : IEntityTypeConfiguration<ServiceArea>
{
    public void Configure(EntityTypeBuilder<ServiceArea> b) => NamedEntityConfiguration.Configure(b);
}

internal static class NamedEntityConfiguration
{
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : NamedEntity
    {
        b.Ignore(x => x.DomainEvents);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.NameZh).HasMaxLength(100);
        b.Property(x => x.NameEn).HasMaxLength(100);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.Ignore(r => r.DomainEvents);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.NameEn).HasMaxLength(100);
        b.PrimitiveCollection(r => r.Kinds).ElementType().HasConversion<string>();
        b.PrimitiveCollection(r => r.Channels).ElementType().HasConversion<string>();
        b.PrimitiveCollection(r => r.CategoryIds);
        b.PrimitiveCollection(r => r.AreaIds);
        b.PrimitiveCollection(r => r.Keywords);
        b.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.Order);
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b)
    {
        b.Ignore(p => p.DomainEvents);
        b.Property(p => p.Name).HasMaxLength(100);
        b.PrimitiveCollection(p => p.Kinds).ElementType().HasConversion<string>();
        b.PrimitiveCollection(p => p.Priorities).ElementType().HasConversion<string>();
        b.PrimitiveCollection(p => p.CategoryIds);
        b.ComplexProperty(p => p.ContactTarget, t =>
        {
            t.Property(x => x.Amount).HasColumnName("ContactAmount");
            t.Property(x => x.Unit).HasColumnName("ContactUnit");
        });
        b.ComplexProperty(p => p.ResolveTarget, t =>
        {
            t.Property(x => x.Amount).HasColumnName("ResolveAmount");
            t.Property(x => x.Unit).HasColumnName("ResolveUnit");
        });
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Source).HasMaxLength(500);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Type).HasMaxLength(200);
        // The processor's query: unprocessed, due, oldest first.
        b.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt });
    }
}

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> b)
    {
        b.Property(m => m.To).HasMaxLength(254);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Template).HasMaxLength(60);
        // The dispatcher's query (pending and due) and the admin's dead-letter list.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.CaseId);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.PreferredCulture).HasMaxLength(8);
        b.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.DepartmentId);
    }
}
