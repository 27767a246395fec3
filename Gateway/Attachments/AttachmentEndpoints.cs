using Microsoft.Extensions.Options;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Limits;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// Uploads (<c>POST /api/sites/{site}/attachments</c>) and downloads of a stored file or its thumbnail. Downloads open
/// with a signed link, or an operator's token of the site; they are served as stored, never as a page: <c>nosniff</c>,
/// a sandboxing policy, and <c>Content-Disposition: attachment</c> for everything but a thumbnail.
/// </summary>
public static class AttachmentEndpoints
{
    private const string DownloadPolicy = "default-src 'none'; sandbox";

    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        var attachments = app.MapGroup("/api/sites/{site}/attachments");
        attachments.MapMethods("", ["OPTIONS"], async (string site, HttpContext http, SiteNames sites) =>
            await UploadCors.AllowAsync(http, site, sites) ? Results.NoContent() : Results.StatusCode(403));
        attachments.MapPost("", Upload).DisableAntiforgery();
        attachments.MapGet("/{id}", (string site, string id, HttpContext http, AttachmentCatalog catalog, AttachmentLinks links) =>
            DownloadAsync(site, id, thumbnail: false, http, catalog, links));
        attachments.MapGet("/{id}/" + AttachmentLinks.Thumbnail, (string site, string id, HttpContext http, AttachmentCatalog catalog, AttachmentLinks links) =>
            DownloadAsync(site, id, thumbnail: true, http, catalog, links));
        return app;
    }

    private static async Task<IResult> Upload(
        string site, HttpContext http, SiteNames sites, TokenService tokens, AttachmentUploads uploads, AttachmentLinks links,
        IOptions<AttachmentOptions> options)
    {
        if (!await UploadCors.AllowAsync(http, site, sites))
        {
            return TypedResults.Problem(statusCode: 403, title: "This origin may not upload for this site.");
        }
        if (Sender(site, http, tokens) is not { } sender)
        {
            return http.User.Identity?.IsAuthenticated == true
                ? TypedResults.Problem(statusCode: 403, title: "Operators upload for their own site.")
                : TypedResults.Problem(statusCode: 401, title: "Send the visitor token or an operator token as a Bearer token.");
        }
        try
        {
            var limits = options.Value.LimitsFor(site);
            await using var form = await UploadReader.ReadAsync(http.Request, limits.MaxBytes, options.Value.FullSpoolDirectory, http.RequestAborted);
            var stored = await uploads.UploadAsync(site, sender, form, http.RequestAborted);
            var file = links.Sign(stored.ToMessageAttachment());
            return TypedResults.Created(stored.Path, new
            {
                id = file.Id, name = file.Name, contentType = file.ContentType, size = file.Size, url = file.Url, thumbnailUrl = file.ThumbnailUrl,
            });
        }
        catch (UploadRefused refusal)
        {
            return TypedResults.Problem(statusCode: refusal.Status, title: refusal.Message);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(statusCode: 413, title: "The file is larger than this site accepts.");
        }
    }

    /// <summary>An operator of the site by their token, or a visitor of the site by their visitor token; null for anyone else.</summary>
    private static Uploader? Sender(string site, HttpContext http, TokenService tokens)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var identity = http.User.Identity();
            return identity.Site == site ? Uploader.OfOperator(identity.Login) : null;
        }
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        return tokens.ReadVisitor(site, token) is { } visitorId ? Uploader.OfVisitor(visitorId) : null;
    }

    private static async Task<IResult> DownloadAsync(
        string site, string id, bool thumbnail, HttpContext http, AttachmentCatalog catalog, AttachmentLinks links)
    {
        var path = http.Request.Path.Value!;
        var byOperator = http.User.Identity?.IsAuthenticated == true && http.User.Identity().Site == site;
        if (!byOperator && !links.Opens(path, http.Request.Query[AttachmentLinks.TokenParameter]))
        {
            return TypedResults.Problem(statusCode: 403, title: "The link has expired or is not for this file: reopen the chat for a fresh one.");
        }
        var stored = await catalog.FindAsync(id, http.RequestAborted);
        var content = stored is null || stored.Site != site || (thumbnail && !stored.HasThumbnail)
            ? null
            : await catalog.Blobs.OpenReadAsync(thumbnail ? AttachmentCatalog.ThumbnailKey(id) : AttachmentCatalog.FileKey(id), http.RequestAborted);
        if (content is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No such file.");
        }
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = DownloadPolicy;
        headers.CacheControl = "private, max-age=600";
        if (thumbnail)
        {
            headers.ContentDisposition = "inline";
            return Results.Stream(content, ScrubbedImage.ThumbnailType);
        }
        return Results.Stream(content, stored!.ContentType, fileDownloadName: stored.Name, enableRangeProcessing: content.CanSeek);
    }
}
