namespace Switchboard.Gateway.Attachments;

/// <summary>One site's own attachment limits (<c>Attachments:Sites:{site}</c>); unset means the default.</summary>
public sealed class SiteAttachmentLimits
{
    public long? MaxBytes { get; set; }
    public int? MaxFiles { get; set; }
    public List<string>? AllowedTypes { get; set; }
}
