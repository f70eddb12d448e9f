using Feedback.Domain.Cases;
using Feedback.Domain.Identity;
using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Feedback.Domain.Data;

// The supervisor programme's tables. Indexes follow the dashboard, the admin lists and the manager report.

internal sealed class CaseServicePointConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.HasOne<ServicePoint>().WithMany().HasForeignKey(c => c.ServicePointId).OnDelete(DeleteBehavior.Restrict);
        // Cases about one service point, newest first.
        b.HasIndex(c => new { c.ServicePointId, c.SubmittedAt });
    }
}

internal sealed class SupervisorConfiguration : IEntityTypeConfiguration<Supervisor>
{
    public void Configure(EntityTypeBuilder<Supervisor> b)
    {
        b.Ignore(s => s.DomainEvents);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Affiliation).HasMaxLength(Supervisor.AffiliationMaxLength);
        b.PrimitiveCollection(s => s.ServiceAreaIds);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        // One appointment record per person; the serving check looks the person up by user.
        b.HasIndex(s => s.UserId).IsUnique();
        // The admin list: serving first, by term end.
        b.HasIndex(s => s.TermEndsOn);
        b.HasMany(s => s.Terms).WithOne().HasForeignKey(t => t.SupervisorId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Terms).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupervisorTermConfiguration : IEntityTypeConfiguration<SupervisorTerm>
{
    public void Configure(EntityTypeBuilder<SupervisorTerm> b)
    {
        b.Property(t => t.Id).ValueGeneratedNever();
        // The serving check: WHERE SupervisorId = ? AND StartsOn <= today AND EndsOn >= today.
        b.HasIndex(t => new { t.SupervisorId, t.EndsOn });
    }
}

internal sealed class ServicePointConfiguration : IEntityTypeConfiguration<ServicePoint>
{
    public void Configure(EntityTypeBuilder<ServicePoint> b)
    {
        b.Ignore(p => p.DomainEvents);
        b.Property(p => p.Code).HasMaxLength(OrganisationEntryRules.CodeMaxLength);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.NameZh).HasMaxLength(OrganisationEntryRules.NameMaxLength);
        b.Property(p => p.NameEn).HasMaxLength(OrganisationEntryRules.NameMaxLength);
        b.Property(p => p.Address).HasMaxLength(ServicePoint.AddressMaxLength);
        b.HasOne<ServiceArea>().WithMany().HasForeignKey(p => p.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        // The admin list and the review form, by area.
        b.HasIndex(p => new { p.ServiceAreaId, p.SortOrder });
    }
}

internal sealed class ReviewDimensionConfiguration : IEntityTypeConfiguration<ReviewDimension>
{
    public void Configure(EntityTypeBuilder<ReviewDimension> b)
    {
        b.Ignore(d => d.DomainEvents);
        b.Property(d => d.Code).HasMaxLength(OrganisationEntryRules.CodeMaxLength);
        b.HasIndex(d => d.Code).IsUnique();
        b.Property(d => d.NameZh).HasMaxLength(OrganisationEntryRules.NameMaxLength);
        b.Property(d => d.NameEn).HasMaxLength(OrganisationEntryRules.NameMaxLength);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Ignore(r => r.DomainEvents);
        b.Property(r => r.Comments).HasMaxLength(Review.CommentsMaxLength);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.SupervisorUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServicePoint>().WithMany().HasForeignKey(r => r.ServicePointId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServiceArea>().WithMany().HasForeignKey(r => r.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        // "My reviews", newest first; activity counts per supervisor over a term.
        b.HasIndex(r => new { r.SupervisorUserId, r.VisitedOn });
        // The score report: a range of months, grouped by service point.
        b.HasIndex(r => new { r.VisitMonth, r.ServicePointId });
        b.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Photos).WithOne().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Scores).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(r => r.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(r => r.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReviewScoreConfiguration : IEntityTypeConfiguration<ReviewScore>
{
    public void Configure(EntityTypeBuilder<ReviewScore> b)
    {
        b.HasKey(s => new { s.ReviewId, s.DimensionId });
        // Restrict: a dimension that has scores can be retired but never deleted.
        b.HasOne<ReviewDimension>().WithMany().HasForeignKey(s => s.DimensionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.DimensionId);
    }
}

internal sealed class ReviewFindingConfiguration : IEntityTypeConfiguration<ReviewFinding>
{
    public void Configure(EntityTypeBuilder<ReviewFinding> b)
    {
        b.HasKey(f => new { f.ReviewId, f.CaseId });
        b.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        // A case is the finding of one review; the dashboard and reports look findings up by case.
        b.HasIndex(f => f.CaseId).IsUnique();
        // Activity per supervisor.
        b.HasIndex(f => f.SupervisorUserId);
    }
}

internal sealed class ReviewPhotoConfiguration : IEntityTypeConfiguration<ReviewPhoto>
{
    public void Configure(EntityTypeBuilder<ReviewPhoto> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.FileName).HasMaxLength(120);
        b.Property(p => p.ContentType).HasMaxLength(64);
        b.Property(p => p.StorageKey).HasMaxLength(100);
    }
}

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> b)
    {
        b.Ignore(f => f.DomainEvents);
        b.Property(f => f.Place).HasMaxLength(Forum.PlaceMaxLength);
        b.PrimitiveCollection(f => f.SupervisorUserIds);
        b.HasOne<ServiceArea>().WithMany().HasForeignKey(f => f.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(f => f.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        // "My forums", newest first.
        b.HasIndex(f => new { f.RecordedByUserId, f.HeldOn });
        b.HasMany(f => f.Suggestions).WithOne().HasForeignKey(s => s.ForumId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(f => f.Suggestions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ForumSuggestionConfiguration : IEntityTypeConfiguration<ForumSuggestion>
{
    public void Configure(EntityTypeBuilder<ForumSuggestion> b)
    {
        b.HasKey(s => new { s.ForumId, s.CaseId });
        b.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.CaseId).IsUnique();
    }
}
