using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload as it arrives: the <c>file</c> part straight into a temporary file with
/// the size limit counted on the way, small fields into strings. A body that announces more than the limit is refused
/// before a byte of it is read.
/// </summary>
public static class UploadReader
{
    /// <summary>Room for the multipart boundaries, part headers and small fields around the file.</summary>
    public const long EnvelopeBytes = 64 * 1024;
    private const int MaxFieldLength = 256;

    public static async Task<UploadForm> ReadAsync(HttpRequest request, long maxBytes, string spoolDirectory, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes + EnvelopeBytes)
        {
            throw UploadRefused.TooLarge(maxBytes);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxBytes + EnvelopeBytes;
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw UploadRefused.Broken("Send the file as multipart/form-data with one 'file' part.");
        }
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxBytes + EnvelopeBytes };
        SpooledFile? file = null;
        string? fileName = null, conversationId = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == "file" && disposition.IsFileDisposition())
                {
                    if (file is not null)
                    {
                        throw UploadRefused.Broken("One file per upload: send each file on its own.");
                    }
                    file = SpooledFile.Create(spoolDirectory);
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    await file.FillAsync(section.Body, maxBytes, cancellationToken);
                }
                else if (name == "conversationId")
                {
                    conversationId = await ReadFieldAsync(section.Body, cancellationToken);
                }
            }
        }
        catch (InvalidDataException)
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
            throw UploadRefused.TooLarge(maxBytes);
        }
        catch
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
            throw;
        }
        if (file is null || file.Length == 0)
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
            throw UploadRefused.Broken("The upload has no file in it (a 'file' part that is not empty).");
        }
        return new UploadForm(file, fileName ?? "", conversationId);
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body);
        var buffer = new char[MaxFieldLength + 1];
        var read = await text.ReadBlockAsync(buffer, cancellationToken);
        return read is 0 or > MaxFieldLength ? null : new string(buffer, 0, read).Trim();
    }
}
