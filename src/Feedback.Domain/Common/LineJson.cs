using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Feedback.Domain.Common;

/// <summary>
/// A JSON value that remembers the line it starts on, so that checks made after parsing (an unknown code,
/// a date outside the year) can still tell a person which line of a hand-edited data file to look at.
/// System.Text.Json only reports lines for syntax errors, hence this small tree.
/// </summary>
public abstract class JsonAt(int line)
{
    public int Line { get; } = line;
}

public sealed class JsonObjectAt(int line, IReadOnlyList<JsonPropertyAt> properties) : JsonAt(line)
{
    public IReadOnlyList<JsonPropertyAt> Properties { get; } = properties;

    /// <summary>The first property of that name (names are case-sensitive, as in JSON).</summary>
    public JsonPropertyAt? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
}

public sealed record JsonPropertyAt(string Name, int Line, JsonAt Value)
{
    /// <summary>Keys starting with <c>$</c> (e.g. <c>"$comment"</c>) are notes for people and are ignored.</summary>
    public bool IsComment => Name.StartsWith('$');
}

public sealed class JsonArrayAt(int line, IReadOnlyList<JsonAt> items) : JsonAt(line)
{
    public IReadOnlyList<JsonAt> Items { get; } = items;
}

public sealed class JsonStringAt(int line, string value) : JsonAt(line)
{
    public string Value { get; } = value;
}

public sealed class JsonNumberAt(int line, string raw) : JsonAt(line)
{
    public string Raw { get; } = raw;

    public bool TryGetInt32(out int value) => int.TryParse(Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}

public sealed class JsonBooleanAt(int line, bool value) : JsonAt(line)
{
    public bool Value { get; } = value;
}

public sealed class JsonNullAt(int line) : JsonAt(line);

/// <summary>Parses JSON into a <see cref="JsonAt"/> tree. Comments and trailing commas are allowed (the files are hand-edited).</summary>
public static class LineJson
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 32,
    };

    /// <summary>
    /// Parses <paramref name="text"/>; a syntax error comes back as a <see cref="LineError"/> with code
    /// <see cref="DataFileErrors.InvalidJson"/> and the (1-based) line the reader stopped on.
    /// </summary>
    public static JsonAt? Parse(string text, out LineError? error)
    {
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new LineError(1, DataFileErrors.InvalidJson, "the file is empty");
            return null;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        var newlines = new List<int>();
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') newlines.Add(i);

        var reader = new Utf8JsonReader(bytes, Options);
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, newlines);
            // Throws on anything but whitespace and comments after the root value.
            reader.Read();
            error = null;
            return root;
        }
        catch (JsonException e)
        {
            error = new LineError((int)(e.LineNumber ?? 0) + 1, DataFileErrors.InvalidJson, FirstSentence(e.Message));
            return null;
        }
    }

    private static JsonAt ReadValue(ref Utf8JsonReader reader, List<int> newlines)
    {
        var line = LineOf(reader.TokenStartIndex, newlines);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<JsonPropertyAt>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var nameLine = LineOf(reader.TokenStartIndex, newlines);
                    reader.Read();
                    properties.Add(new JsonPropertyAt(name, nameLine, ReadValue(ref reader, newlines)));
                }
                return new JsonObjectAt(line, properties);
            case JsonTokenType.StartArray:
                var items = new List<JsonAt>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, newlines));
                return new JsonArrayAt(line, items);
            case JsonTokenType.String:
                return new JsonStringAt(line, reader.GetString()!);
            case JsonTokenType.Number:
                return new JsonNumberAt(line, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonBooleanAt(line, reader.GetBoolean());
            default:
                return new JsonNullAt(line);
        }
    }

    /// <summary>1-based line of a byte offset: one more than the newlines before it.</summary>
    private static int LineOf(long offset, List<int> newlines)
    {
        var index = newlines.BinarySearch((int)offset);
        return (index >= 0 ? index : ~index) + 1;
    }

    // The reader appends "LineNumber: … | BytePositionInLine: …", which the error already carries.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}

/// <summary>
/// Reads typed fields out of a <see cref="JsonObjectAt"/>, collecting one <see cref="LineError"/> per
/// problem instead of stopping at the first, so that a person can fix a file in one pass.
/// </summary>
public sealed class JsonFieldReader
{
    private readonly List<LineError> _errors = [];

    public IReadOnlyList<LineError> Errors => _errors;

    public void Add(int line, string code, params object[] args) => _errors.Add(new LineError(line, code, args));

    /// <summary>Reports properties not in <paramref name="known"/> (comments aside) and properties given twice.</summary>
    public void OnlyKnown(JsonObjectAt obj, params string[] known)
    {
        var seen = new HashSet<string>();
        foreach (var property in obj.Properties.Where(p => !p.IsComment))
        {
            if (!known.Contains(property.Name))
                Add(property.Line, DataFileErrors.UnknownProperty, property.Name, string.Join(", ", known));
            else if (!seen.Add(property.Name))
                Add(property.Line, DataFileErrors.DuplicateProperty, property.Name);
        }
    }

    public JsonObjectAt? Object(JsonAt value, string name)
    {
        if (value is JsonObjectAt obj) return obj;
        Add(value.Line, DataFileErrors.ExpectedObject, name);
        return null;
    }

    public JsonObjectAt? Object(JsonObjectAt parent, string name, bool required) =>
        Get(parent, name, required) is { } value ? Object(value, name) : null;

    public JsonArrayAt? Array(JsonObjectAt parent, string name, bool required)
    {
        var value = Get(parent, name, required);
        if (value is null or JsonArrayAt) return (JsonArrayAt?)value;
        Add(value.Line, DataFileErrors.ExpectedList, name);
        return null;
    }

    public string? String(JsonObjectAt parent, string name, bool required, int maxLength = 500)
    {
        var value = Get(parent, name, required);
        return value is null ? null : String(value, name, required, maxLength);
    }

    public string? String(JsonAt value, string name, bool required = true, int maxLength = 500)
    {
        if (value is not JsonStringAt text) { Add(value.Line, DataFileErrors.ExpectedText, name); return null; }
        var trimmed = text.Value.Trim();
        if (trimmed.Length == 0 && required) { Add(value.Line, DataFileErrors.Empty, name); return null; }
        if (trimmed.Length > maxLength) { Add(value.Line, DataFileErrors.TooLong, name, maxLength); return null; }
        return trimmed;
    }

    public int? Integer(JsonObjectAt parent, string name, bool required)
    {
        var value = Get(parent, name, required);
        if (value is null) return null;
        if (value is JsonNumberAt number && number.TryGetInt32(out var result)) return result;
        Add(value.Line, DataFileErrors.ExpectedInteger, name);
        return null;
    }

    public bool? Boolean(JsonObjectAt parent, string name, bool required)
    {
        var value = Get(parent, name, required);
        if (value is null) return null;
        if (value is JsonBooleanAt boolean) return boolean.Value;
        Add(value.Line, DataFileErrors.ExpectedBoolean, name);
        return null;
    }

    /// <summary>An optional list of texts; a missing list is empty. Each item comes with its line.</summary>
    public IReadOnlyList<(string Value, int Line)> Strings(JsonObjectAt parent, string name, int maxLength = 100)
    {
        var list = Array(parent, name, required: false);
        if (list is null) return [];
        var result = new List<(string, int)>();
        foreach (var item in list.Items)
            if (String(item, name, required: true, maxLength) is { } text)
                result.Add((text, item.Line));
        return result;
    }

    /// <summary>The property's value; a missing required one is reported at the line of the object's opening brace.</summary>
    public JsonAt? Get(JsonObjectAt parent, string name, bool required)
    {
        var property = parent.Find(name);
        if (property is null || property.Value is JsonNullAt)
        {
            if (required) Add(property?.Line ?? parent.Line, DataFileErrors.MissingProperty, name);
            return null;
        }
        return property.Value;
    }
}
