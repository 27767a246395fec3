namespace Switchboard.Contracts;

/// <summary>The protocol's error codes (PROTOCOL.md, <c>error</c> frame).</summary>
public static class ErrorCodes
{
    public const string BadRequest = "bad_request";
    public const string TooLarge = "too_large";
    public const string RateLimited = "rate_limited";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string Unavailable = "unavailable";
    /// <summary>WhatsApp's 24-hour window is closed: only an approved template may go out (an extension, channels.md).</summary>
    public const string TemplateRequired = "template_required";
}
