namespace Switchboard.Contracts.Campaigns;

/// <summary>A site's do-not-call list (key: the site id), checked by every campaign before every attempt.</summary>
[Alias("Switchboard.IDoNotCallGrain")]
public interface IDoNotCallGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task Add(IReadOnlyList<string> phones);

    [Alias("Remove")]
    Task Remove(string phone);
}
