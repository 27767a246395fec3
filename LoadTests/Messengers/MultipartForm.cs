using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Switchboard.LoadTests.Messengers;

/// <summary>A recorded <c>multipart/form-data</c> request read back: its text fields and its file, as the platform got them.</summary>
public static class MultipartForm
{
    public static PlatformUpload? Read(RecordedRequest request)
    {
        if (request.ContentType is null || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).Value!, new MemoryStream(request.RawBody));
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        (string Field, string? Name, string? Type, byte[] Bytes)? file = null;
        // The fake answers on the server's thread with a string: reading its own in-memory copy synchronously is safe.
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }
            using var content = new MemoryStream();
            section.Body.CopyTo(content);
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                file = (name, fileName, section.ContentType, content.ToArray());
            }
            else
            {
                fields[name] = System.Text.Encoding.UTF8.GetString(content.ToArray());
            }
        }
        return file is { } f ? new PlatformUpload(request.PathAndQuery, f.Field, f.Name, f.Type, f.Bytes, fields) : null;
    }
}
