namespace Switchboard.Contracts.Calls;

/// <summary>Which adapter a call's events come through, and so where its pushed commands go.</summary>
public static class PhoneAdapters
{
    /// <summary>The generic adapter (<c>/hooks/phone/{site}</c>): pushes go to the phone channel's <c>commandUrl</c>.</summary>
    public const string Generic = "generic";

    /// <summary>An Asterisk over ARI: pushes go to the gateway holding the site's ARI connection (<see cref="IAriLineGrain"/>).</summary>
    public const string Ari = "ari";
}
