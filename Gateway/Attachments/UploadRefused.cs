namespace Switchboard.Gateway.Attachments;

/// <summary>An upload the product will not keep, with the HTTP status and the reason the sender is shown.</summary>
public sealed class UploadRefused(int status, string reason) : Exception(reason)
{
    public int Status => status;

    public static UploadRefused TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The file is larger than {maxBytes / (1024 * 1024)} MB.");

    public static UploadRefused NotAllowed() =>
        new(StatusCodes.Status415UnsupportedMediaType, "This kind of file is not accepted (judged by its content, not its name).");

    public static UploadRefused Broken(string what) => new(StatusCodes.Status400BadRequest, what);
}
