using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Mm2Dr.Lab.Host
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var arguments = HostArguments.Parse(args);
            if (arguments.Error != null)
            {
                Console.Error.WriteLine("error: " + arguments.Error);
                return 2;
            }

            if (arguments.ShowHelp)
            {
                Console.WriteLine(HostArguments.Usage);
                return 0;
            }

            if (arguments.Verbose)
            {
                arguments.Options.Log = message => Console.Error.WriteLine(DateTime.UtcNow.ToString("HH:mm:ss.fff") + " " + message);
            }

            LabBroker broker;
            try
            {
                broker = LabBroker.Start(arguments.Options);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"error: could not start the lab broker on {arguments.Options.Host}:{arguments.Options.Port}: {e.Message}");
                return 1;
            }

            using var stop = new ManualResetEventSlim();
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Set();
            });
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Set();
            };

            Console.WriteLine("Mm2Dr lab broker listening on " + broker.BootstrapServers);
            Console.Out.Flush();
            stop.Wait();
            broker.Dispose();
            Console.WriteLine("Mm2Dr lab broker stopped.");
            return 0;
        }
    }
}
