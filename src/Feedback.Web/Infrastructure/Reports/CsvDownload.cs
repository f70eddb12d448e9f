using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Infrastructure.Reports;

/// <summary>
/// CSV files for download (RFC 4180), UTF-8 with a byte-order mark so that spreadsheet programs show Chinese
/// correctly. Every CSV the app hands out is written here, so this is where formula injection is stopped: a
/// cell a spreadsheet would run as a formula gets a leading apostrophe (<see cref="Neutralise"/>).
/// </summary>
public static class CsvDownload
{
    public static FileContentResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true }, true))
        {
            csv.WriteRecord(header.Select(Neutralise).ToArray());
            foreach (var row in rows)
                csv.WriteRecord(row.Select(Neutralise).ToArray());
        }
        return new FileContentResult(buffer.ToArray(), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    /// <summary>
    /// A cell starting with = + - @ (or tab / carriage return, which some programs skip before looking) is
    /// text a customer typed that Excel or WPS would otherwise evaluate (<c>=HYPERLINK(…)</c>, <c>@SUM(…)</c>):
    /// prefixed with an apostrophe it is shown as typed. A plain number (a negative figure) stays a number.
    /// </summary>
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell) || cell[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
            return cell ?? "";
        return decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            ? cell
            : "'" + cell;
    }
}
