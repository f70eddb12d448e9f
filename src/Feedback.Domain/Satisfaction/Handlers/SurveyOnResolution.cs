using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Feedback.Domain.Notifications;
using Feedback.Domain.Notifications.Handlers;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Satisfaction.Handlers;

/// <summary>
/// 回访: the first time a case is resolved, its survey starts and the submitter gets the link by email (the
/// same form is on the tracking page, for submitters without an email). A case resolved again after a
/// reopening keeps its one survey: one answer per case.
/// </summary>
public sealed class SurveyOnResolution(FeedbackDbContext db, IEmailQueue queue, WorkCalendarSource calendars, TimeProvider clock)
    : INotificationHandler<CaseStatusChanged>
{
    public async ValueTask Handle(CaseStatusChanged notification, CancellationToken cancellationToken)
    {
        if (notification.To != CaseStatus.Resolved || await db.Surveys.AnyAsync(s => s.CaseId == notification.CaseId, cancellationToken))
            return;
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == notification.CaseId, cancellationToken);
        if (@case is null)
            return;
        var (survey, token) = Survey.Send(@case, clock.GetUtcNow());
        db.Surveys.Add(survey);
        await SurveyMail.QueueAsync(db, queue, calendars, survey, token, EmailTemplates.SurveyInvitation, cancellationToken);
    }
}

/// <summary>The survey's one reminder, with a fresh link.</summary>
public sealed class SurveyReminderEmailHandler(FeedbackDbContext db, IEmailQueue queue, WorkCalendarSource calendars)
    : INotificationHandler<SurveyReminderDue>
{
    public async ValueTask Handle(SurveyReminderDue notification, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == notification.SurveyId, cancellationToken);
        if (survey is { Status: SurveyStatus.Open })
            await SurveyMail.QueueAsync(db, queue, calendars, survey, notification.Token, EmailTemplates.SurveyReminder, cancellationToken);
    }
}

internal static class SurveyMail
{
    /// <summary>Site-relative; the email queue makes it absolute.</summary>
    public static string SurveyPath(string token) => $"/Public/Survey/{token}";

    public static async ValueTask QueueAsync(FeedbackDbContext db, IEmailQueue queue, WorkCalendarSource calendars, Survey survey, string token,
        string template, CancellationToken cancellationToken)
    {
        if (await CaseMailing.LoadAsync(db, survey.CaseId, cancellationToken) is not { ReceivesUpdates: true } mailing)
            return;
        var calendar = await calendars.GetAsync(db, cancellationToken);
        await mailing.QueueAsync(queue, template, cancellationToken,
            ("SurveyUrl", SurveyPath(token)),
            ("ClosesAt", calendar.ToLocal(survey.ClosesAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
    }
}
