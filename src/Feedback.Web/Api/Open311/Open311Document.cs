using System.Globalization;
using System.Text.Json;
using System.Xml;
using Feedback.Web.Infrastructure.Web;

namespace Feedback.Web.Api.Open311;

/// <summary>An element with named children (a JSON object); children keep the spec's order.</summary>
public sealed record Open311Object(params (string Name, object? Value)[] Fields);

/// <summary>A repeated element (a JSON array); in XML each item is wrapped in <see cref="ItemName"/>.</summary>
public sealed record Open311List(string ItemName, IReadOnlyList<object> Items);

/// <summary>
/// One Open311 response, written as JSON or XML from the same tree so the two formats cannot drift: the
/// spec's element names are the field names, lists become repeated elements under their root (services →
/// service, service_requests → request, errors → error). Values: string, bool, int, double, null, or nested.
/// </summary>
public sealed record Open311Document(string RootName, object Root, int StatusCode = StatusCodes.Status200OK) : IResult
{
    public const string Json = "json";
    public const string Xml = "xml";

    /// <summary>Set by <see cref="Open311Endpoints"/> from the route's suffix before the result runs.</summary>
    public string Format { get; init; } = Json;

    public Open311Document As(string format) => this with { Format = format };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        using var buffer = new MemoryStream();
        if (Format == Xml)
        {
            response.ContentType = "text/xml; charset=utf-8";
            WriteXml(buffer);
        }
        else
        {
            response.ContentType = "application/json; charset=utf-8";
            WriteJson(buffer);
        }
        response.ContentLength = buffer.Length;
        // HEAD: the same headers (type, length) without the body.
        if (HttpMethods.IsHead(httpContext.Request.Method))
            return;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, httpContext.RequestAborted);
    }

    private void WriteJson(Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream);
        WriteJsonValue(writer, Root);
    }

    private static void WriteJsonValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case double d: writer.WriteNumberValue(d); break;
            case Open311List list:
                writer.WriteStartArray();
                foreach (var item in list.Items) WriteJsonValue(writer, item);
                writer.WriteEndArray();
                break;
            case Open311Object obj:
                writer.WriteStartObject();
                foreach (var (name, child) in obj.Fields)
                {
                    writer.WritePropertyName(name);
                    WriteJsonValue(writer, child);
                }
                writer.WriteEndObject();
                break;
            default: throw new InvalidOperationException($"Open311 value of type {value.GetType()} has no JSON form.");
        }
    }

    private void WriteXml(Stream stream)
    {
        using var writer = XmlWriter.Create(stream, XmlOutput.Settings);
        writer.WriteStartDocument();
        writer.WriteStartElement(RootName);
        WriteXmlContent(writer, Root);
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteXmlContent(XmlWriter writer, object? value)
    {
        switch (value)
        {
            case null: break;
            case string s: writer.WriteString(XmlOutput.Clean(s)); break;
            case bool b: writer.WriteString(b ? "true" : "false"); break;
            case int i: writer.WriteString(i.ToString(CultureInfo.InvariantCulture)); break;
            case double d: writer.WriteString(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    writer.WriteStartElement(list.ItemName);
                    WriteXmlContent(writer, item);
                    writer.WriteEndElement();
                }
                break;
            case Open311Object obj:
                foreach (var (name, child) in obj.Fields)
                {
                    writer.WriteStartElement(name);
                    WriteXmlContent(writer, child);
                    writer.WriteEndElement();
                }
                break;
            default: throw new InvalidOperationException($"Open311 value of type {value.GetType()} has no XML form.");
        }
    }
}
