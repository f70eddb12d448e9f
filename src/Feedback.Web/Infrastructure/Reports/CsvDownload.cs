using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Infrastructure.Reports;

/// <summary>CSV files for download (RFC 4180), UTF-8 with a byte-order mark so that spreadsheet programs show Chinese correctly.</summary>
public static class CsvDownload
{
    public static FileContentResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true }, true))
        {
            csv.WriteRecord(header.ToArray());
            foreach (var row in rows)
                csv.WriteRecord(row.ToArray());
        }
        return new FileContentResult(buffer.ToArray(), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }
}
