using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Mm2Dr.Lab.Network
{
    /// <summary>
    /// Lets a listener rebind its port while connections it closed linger in TIME_WAIT (a lab taken down and
    /// brought up, or restarted on 9092), without letting a second broker share the port. .NET's ReuseAddress
    /// option would set SO_REUSEPORT as well on Linux and macOS, and then two lab brokers could both listen on
    /// one port and split the clients between them; so only SO_REUSEADDR is set, through setsockopt.
    /// </summary>
    internal static class ListenerAddressReuse
    {
        public static void AllowRebindWhileTimeWait(Socket listener)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                // Windows binds over TIME_WAIT by default; its SO_REUSEADDR would instead allow port stealing.
                return;
            }

            var osx = RuntimeInformation.IsOSPlatform(OSPlatform.OSX);
            var level = osx ? 0xFFFF : 1; // SOL_SOCKET
            var name = osx ? 0x0004 : 2;  // SO_REUSEADDR
            var on = 1;
            try
            {
                SetSockOpt(listener.Handle, level, name, ref on, sizeof(int));
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                // Without libc's setsockopt a quick rebind may fail with "address in use"; correctness is unaffected.
            }
        }

        [DllImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
        private static extern int SetSockOpt(IntPtr socket, int level, int optionName, ref int optionValue, int optionLength);
    }
}
