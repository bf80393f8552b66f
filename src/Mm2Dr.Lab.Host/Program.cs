using System;

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

            Action<string>? log = null;
            if (arguments.Verbose)
            {
                log = message => Console.Error.WriteLine(DateTime.UtcNow.ToString("HH:mm:ss.fff") + " " + message);
                arguments.Options.Log = log;
            }

            return arguments.DrLab ? RunDrLab(arguments, log) : RunBroker(arguments);
        }

        private static int RunDrLab(HostArguments arguments, Action<string>? log)
        {
            var options = arguments.DrLabOptions;
            options.Log = log;
            using var stop = StopSignal.Listen();
            DrLab lab;
            try
            {
                lab = DrLab.Start(options);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"error: could not start the DR lab: {e.Message}");
                return 1;
            }

            var environment = lab.Environment;
            Console.WriteLine($"Mm2Dr DR lab: primary cluster '{environment.Primary.Alias}' listening on {environment.Primary.BootstrapServers}");
            Console.WriteLine($"Mm2Dr DR lab: DR cluster '{environment.Dr.Alias}' listening on {environment.Dr.BootstrapServers}");
            Console.WriteLine($"Mm2Dr DR lab: mirroring {environment.Primary.Alias}->{environment.Dr.Alias} as configured in {lab.Mm2ConfigSource} (a lab stand-in for MirrorMaker 2, not for production)");
            foreach (var warning in lab.Warnings)
            {
                Console.WriteLine("Mm2Dr DR lab: warning: " + warning);
            }

            Console.Out.Flush();
            stop.Wait();
            lab.Dispose();
            Console.WriteLine("Mm2Dr DR lab stopped.");
            return 0;
        }

        private static int RunBroker(HostArguments arguments)
        {
            using var stop = StopSignal.Listen();
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

            Console.WriteLine("Mm2Dr lab broker listening on " + broker.BootstrapServers);
            Console.Out.Flush();
            stop.Wait();
            broker.Dispose();
            Console.WriteLine("Mm2Dr lab broker stopped.");
            return 0;
        }
    }
}
