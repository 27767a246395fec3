namespace Switchboard.Gateway.Attachments;

/// <summary>How a media program ended: its exit code (0 is success) and what it wrote to its error output.</summary>
public sealed record MediaToolResult(int ExitCode, string Errors)
{
    public bool Succeeded => ExitCode == 0;
}
