using System.Text.Json;
using Feedback.Domain.Api;
using Feedback.Domain.Auditing;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Domain.Notifications;
using Feedback.Domain.Organisation;
using Feedback.Domain.Publishing;
using Feedback.Domain.Rectification;
using Feedback.Domain.Reporting;
using Feedback.Domain.Routing;
using Feedback.Domain.Satisfaction;
using Feedback.Domain.Sla;
using Feedback.Domain.Supervision;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Feedback.Domain.Data;

/// <summary>The one context: cases, organisation, notifications and the Identity tables.</summary>
public class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options)
    : IdentityDbContext<User, Role, Guid>(options)
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<Supervisor> Supervisors => Set<Supervisor>();
    public DbSet<SupervisorTerm> SupervisorTerms => Set<SupervisorTerm>();
    public DbSet<ServicePoint> ServicePoints => Set<ServicePoint>();
    public DbSet<ReviewDimension> ReviewDimensions => Set<ReviewDimension>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewScore> ReviewScores => Set<ReviewScore>();
    public DbSet<ReviewFinding> ReviewFindings => Set<ReviewFinding>();
    public DbSet<ReviewPhoto> ReviewPhotos => Set<ReviewPhoto>();
    public DbSet<Forum> Forums => Set<Forum>();
    public DbSet<ForumSuggestion> ForumSuggestions => Set<ForumSuggestion>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ApiRequestLogEntry> ApiRequestLog => Set<ApiRequestLogEntry>();
    public DbSet<Open311Details> Open311Details => Set<Open311Details>();
    public DbSet<Open311UpdateReceipt> Open311UpdateReceipts => Set<Open311UpdateReceipt>();
    public DbSet<CaseRectification> Rectifications => Set<CaseRectification>();
    public DbSet<RectificationMeasure> RectificationMeasures => Set<RectificationMeasure>();
    public DbSet<MeasureEvidence> MeasureEvidence => Set<MeasureEvidence>();
    public DbSet<SuggestionDecision> SuggestionDecisions => Set<SuggestionDecision>();
    public DbSet<Outcome> Outcomes => Set<Outcome>();
    public DbSet<OutcomeHistoryEntry> OutcomeHistory => Set<OutcomeHistoryEntry>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<MonthlyReport> MonthlyReports => Set<MonthlyReport>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>How many commands are running in this scope (the outermost one saves). See UnitOfWorkBehavior.</summary>
    internal int UnitOfWorkDepth { get; set; }

    public static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    /// <summary>Turns the domain events raised by tracked entities into outbox rows, in this same unit of work.</summary>
    public void MoveDomainEventsToOutbox(DateTimeOffset now)
    {
        var entities = ChangeTracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        foreach (var entity in entities)
        {
            foreach (var domainEvent in entity.DomainEvents)
            {
                var type = domainEvent.GetType();
                OutboxMessages.Add(new OutboxMessage(type.FullName!, JsonSerializer.Serialize(domainEvent, type, EventJson), now));
            }
            entity.ClearDomainEvents();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as text: readable in the database and safe to reorder in code.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        if (Database.IsSqlite())
        {
            // SQLite has no instant type and EF cannot order or compare DateTimeOffset there; UTC ticks
            // as an integer sort and compare correctly and index well. (PostgreSQL keeps timestamptz.)
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FeedbackDbContext).Assembly);
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
