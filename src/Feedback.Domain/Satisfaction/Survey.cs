using System.Security.Cryptography;
using System.Text;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;

namespace Feedback.Domain.Satisfaction;

public enum SurveyStatus { Open, Answered, Expired }

/// <summary>
/// 满意度回访: sent once per case when it is first resolved; one answer (satisfaction 1–5, resolved yes/no,
/// comment). A reminder goes out after <see cref="ReminderAfter"/>, and the survey closes unanswered after
/// <see cref="OpenFor"/>. Links carry a random token of which only a hash is stored.
/// The case's department, category, area and kind are copied when it is sent, so that the KPIs group the
/// answers without joining the cases (and attribute them to the department that resolved the case).
/// </summary>
public sealed class Survey : Entity
{
    public const int CommentMaxLength = 2000;
    public const int CallbackNoteMaxLength = 2000;
    public static readonly TimeSpan ReminderAfter = TimeSpan.FromDays(3);
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(7);

    private Survey() { }

    public Guid CaseId { get; private set; }
    public Guid? DepartmentId { get; private set; }
    public Guid CategoryId { get; private set; }
    public Guid ServiceAreaId { get; private set; }
    public CaseKind Kind { get; private set; }

    public string TokenHash { get; private set; } = "";
    /// <summary>The reminder carries a fresh link (the first one cannot be rebuilt from its hash); both work.</summary>
    public string? ReminderTokenHash { get; private set; }
    public SurveyStatus Status { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    /// <summary>When the sweep has something to do (the reminder, then the close); null once answered or closed.</summary>
    public DateTimeOffset? NextStepAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }
    public int? Score { get; private set; }
    public bool? Resolved { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>An unhappy answer (1–2, or not resolved): the service centre calls the customer back.</summary>
    public bool NeedsCallback { get; private set; }
    public DateTimeOffset? CalledBackAt { get; private set; }
    public Guid? CalledBackById { get; private set; }
    public string? CallbackNote { get; private set; }

    public bool IsSatisfied => Score is >= 4;

    /// <summary>Starts the survey for a resolved case. Returns it with the plain token for the email link.</summary>
    public static (Survey Survey, string Token) Send(Case @case, DateTimeOffset now)
    {
        var token = SurveyToken.New();
        var survey = new Survey
        {
            CaseId = @case.Id,
            DepartmentId = @case.DepartmentId,
            CategoryId = @case.CategoryId,
            ServiceAreaId = @case.ServiceAreaId,
            Kind = @case.Kind,
            TokenHash = SurveyToken.Hash(token),
            Status = SurveyStatus.Open,
            SentAt = now,
            ClosesAt = now + OpenFor,
            NextStepAt = now + ReminderAfter,
        };
        return (survey, token);
    }

    public bool IsOpenAt(DateTimeOffset now) => Status == SurveyStatus.Open && now < ClosesAt;

    public void Answer(int score, bool resolved, string? comment, DateTimeOffset now)
    {
        if (Status == SurveyStatus.Answered)
            throw new DomainRuleException("Survey.AlreadyAnswered");
        if (!IsOpenAt(now))
            throw new DomainRuleException("Survey.Closed");
        if (score is < 1 or > 5)
            throw new DomainRuleException("Survey.ScoreRange");
        Status = SurveyStatus.Answered;
        AnsweredAt = now;
        Score = score;
        Resolved = resolved;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        NeedsCallback = score <= 2 || !resolved;
        NextStepAt = null;
        Raise(new SurveyAnswered(Id, CaseId, NeedsCallback));
    }

    /// <summary>Runs the step that is due: the reminder (with a new link) or the close. Returns what it did.</summary>
    public SurveyStep? Advance(DateTimeOffset now)
    {
        if (Status != SurveyStatus.Open || NextStepAt is not { } due || due > now)
            return null;
        if (now >= ClosesAt)
        {
            Status = SurveyStatus.Expired;
            NextStepAt = null;
            return SurveyStep.Closed;
        }
        var token = SurveyToken.New();
        ReminderTokenHash = SurveyToken.Hash(token);
        RemindedAt = now;
        NextStepAt = ClosesAt;
        Raise(new SurveyReminderDue(Id, CaseId, token));
        return SurveyStep.Reminded;
    }

    /// <summary>Retention (see Case.Anonymise): the customer's comment and the callback note lose their personal data.</summary>
    public void MaskPersonalData(ContactDetails known)
    {
        Comment = Case.MaskedText(Comment, known);
        CallbackNote = Case.MaskedText(CallbackNote, known);
    }

    /// <summary>The service centre called the customer back; the case leaves the callback list.</summary>
    public void RecordCallback(string note, Guid? by, DateTimeOffset now)
    {
        if (!NeedsCallback)
            throw new DomainRuleException("Survey.NoCallbackNeeded");
        if (CalledBackAt is not null)
            throw new DomainRuleException("Survey.AlreadyCalledBack");
        CalledBackAt = now;
        CalledBackById = by;
        CallbackNote = note.Trim();
    }
}

public enum SurveyStep { Reminded, Closed }

/// <param name="Token">The plain link token, needed once for the reminder email; it lives only in the outbox row.</param>
public sealed record SurveyReminderDue(Guid SurveyId, Guid CaseId, string Token) : IDomainEvent;

public sealed record SurveyAnswered(Guid SurveyId, Guid CaseId, bool NeedsCallback) : IDomainEvent;

/// <summary>
/// Survey link tokens: 256 random bits, URL-safe. Stored as SHA-256 (a slow hash buys nothing against a
/// random 256-bit secret), so a copy of the database cannot answer anyone's survey.
/// </summary>
public static class SurveyToken
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    /// <summary>A token as we issue it: 43 URL-safe characters (anything else is not looked up).</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
