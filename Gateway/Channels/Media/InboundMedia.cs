namespace Switchboard.Gateway.Channels.Media;

/// <summary>
/// A file a person sent through a messenger, as the update names it: a Telegram <c>file_id</c>, a WhatsApp media id
/// or a VK download URL (<see cref="Reference"/>), with the name and size the platform states, when it does. The file
/// itself is fetched later, off the webhook's path (<see cref="MessengerFiles"/>).
/// </summary>
public sealed record InboundMedia(string Kind, string Reference, string? FileName = null, long? DeclaredSize = null)
{
    public const string Photo = "photo";
    public const string Video = "video";
    public const string Document = "document";
}
