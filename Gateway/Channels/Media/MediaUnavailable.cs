namespace Switchboard.Gateway.Channels.Media;

/// <summary>The platform did not hand out a file it announced (an error answer, no path or URL): worth another try.</summary>
public sealed class MediaUnavailable(string reason) : Exception(reason);
