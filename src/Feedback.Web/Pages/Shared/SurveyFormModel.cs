using Feedback.Domain.Satisfaction.Queries;

namespace Feedback.Web.Pages.Shared;

/// <summary>What _SurveyForm shows: the survey, where its form posts, and the level of its heading.</summary>
public sealed record SurveyFormModel(SurveyFormView Survey, string Action, int HeadingLevel);
