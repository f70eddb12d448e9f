using Feedback.Domain.Common;

namespace Feedback.Domain.Organisation.Setup;

/// <summary>A problem in one of the content/setup files: the file, the 1-based line (0 = the whole file) and a <see cref="DataFileErrors"/> code.</summary>
public sealed record SetupError(string File, int Line, string Code, params object[] Args)
{
    public static SetupError From(string file, LineError error) => new(file, error.Line, error.Code, error.Args);

    public string Message(string culture) => DataFileErrors.Format(Code, Args, culture);

    public override string ToString() => Line > 0 ? $"{File} line {Line}: {Message("en")}" : $"{File}: {Message("en")}";
}

/// <summary>The setup files are invalid; <see cref="Errors"/> lists every problem found, and so does the message.</summary>
public sealed class OrganisationSetupException(string folder, IReadOnlyList<SetupError> errors)
    : Exception($"The setup files in {folder} have {errors.Count} problem(s):{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<SetupError> Errors { get; } = errors;
}
