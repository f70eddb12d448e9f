using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>
/// The one rule for every XML answer (the Atom feed, Open311's XML): characters XML 1.0 cannot carry are
/// dropped from text and attribute values before writing, because the writer would otherwise throw half-way
/// and one stored control character (a vertical tab pasted from a word processor) would break the answer for
/// everyone until someone edited the record. Text is never escaped as <c>&amp;#x0B;</c>: XML 1.0 forbids that too.
/// </summary>
public static class XmlOutput
{
    public static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
    };

    /// <summary>Text that XML 1.0 can carry: what <see cref="PlainText.Clean"/> keeps (the same set XmlConvert.IsXmlChar allows).</summary>
    public static string Clean(string text) => PlainText.Clean(text);

    /// <summary>Writes the document as UTF-8 bytes after cleaning every text node and attribute.</summary>
    public static byte[] ToUtf8(XDocument document)
    {
        foreach (var node in document.DescendantNodes())
        {
            switch (node)
            {
                case XText text: text.Value = Clean(text.Value); break;
                case XElement element:
                    foreach (var attribute in element.Attributes())
                        attribute.Value = Clean(attribute.Value);
                    break;
            }
        }
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
            document.Save(writer);
        return buffer.ToArray();
    }
}
