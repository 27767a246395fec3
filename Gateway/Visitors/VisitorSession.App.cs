using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.Gateway.Visitors;

/// <summary>The visitor socket inside a retailer's app (docs/in-app.md): the app's push token.</summary>
public sealed partial class VisitorSession
{
    private Task PushToken(PushTokenFrame frame)
    {
        var token = FieldRules.Text(frame.Token, "token", Grains.Visitors.VisitorGrain.MaxPushTokenLength, required: false);
        var platform = FieldRules.Text(frame.Platform, "platform", Grains.Visitors.VisitorGrain.MaxPlatformLength, required: false);
        return desk.PushTokenAsync(_visitor!, token, platform);
    }
}
