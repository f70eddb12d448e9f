namespace Feedback.Domain.Cases;

public sealed partial class Case
{
    /// <summary>The key of the form that filed the case (<see cref="Cases.SubmissionKey"/>), if it had one; unique.</summary>
    public string? SubmissionKey { get; private set; }

    public void FiledWithKey(string? submissionKey) => SubmissionKey = submissionKey;
}
