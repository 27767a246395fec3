using Switchboard.Contracts;
using Switchboard.Wire;

namespace Switchboard.Gateway.Sockets;

/// <summary>The one place that turns a failed frame into an <c>error</c> frame: the socket and its neighbours carry on.</summary>
public static class FrameErrors
{
    public static async Task RunAsync(SocketConnection connection, InboundFrame frame, Func<InboundFrame, Task> handle, ILogger logger)
    {
        try
        {
            await handle(frame);
        }
        catch (SwitchboardException refusal)
        {
            connection.Send(EventFrames.Error(refusal.Code, refusal.Message, frame.ClientId));
        }
        catch (Exception error) when (error is OverflowException or FormatException)
        {
            // A number or text of the client's that no check caught: their mistake, not ours, so one line and no stack.
            logger.LogInformation("A '{Type}' frame held a value out of range ({Error})", frame.Type, error.GetType().Name);
            connection.Send(EventFrames.Error(ErrorCodes.BadRequest, "A value in the frame is out of range.", frame.ClientId));
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "A '{Type}' frame failed", frame.Type);
            connection.Send(EventFrames.Error(ErrorCodes.Unavailable, "The request could not be completed; retry it.", frame.ClientId));
        }
    }
}
