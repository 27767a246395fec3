namespace Switchboard.Domain.CoBrowsing;

/// <summary>Where a chat's co-browsing stands.</summary>
public enum CoBrowseStage
{
    Off,

    /// <summary>The operator asked; the visitor has not answered.</summary>
    Asked,

    /// <summary>The visitor accepted: their page is shown to the operator.</summary>
    Sharing,
}
