using System;
using System.Globalization;
using System.Net;

namespace Mm2Dr.Lab.Host
{
    /// <summary>Command-line settings of the host. Parsing never throws: a problem comes back as <see cref="Error"/>.</summary>
    internal sealed class HostArguments
    {
        public LabBrokerOptions Options { get; } = new LabBrokerOptions { Port = 9092 };

        public bool ShowHelp { get; private set; }

        public string? Error { get; private set; }

        public bool Verbose { get; private set; }

        /// <summary>--dr-lab: a primary, a DR cluster and the mirror between them, instead of one broker.</summary>
        public bool DrLab { get; private set; }

        public DrLabOptions DrLabOptions { get; } = new DrLabOptions { PrimaryPort = 9092, DrPort = 9093 };

        public const string Usage =
@"Mm2Dr lab broker: a single-node Kafka-protocol broker for DR rehearsals and tests.

NOT FOR PRODUCTION DATA: one broker, no replication, no security (no TLS, no SASL,
no ACLs). Use it to rehearse and test, never to hold data you need to keep.

Usage: dotnet Mm2Dr.Lab.Host.dll [options]
       dotnet Mm2Dr.Lab.Host.dll --dr-lab [--mm2-config FILE] [--primary-port N] [--dr-port N] [--data DIR]

One broker:
  --port N           port to listen on (default 9092; 0 = any free port)
  --host ADDRESS     IP address to listen on and advertise (default 127.0.0.1)
  --data DIR         keep topics, logs, offsets and groups in DIR (default: memory only)
  --partitions N     partitions of auto-created topics (Kafka's num.partitions, default 1)
  --no-auto-create   do not create topics on first use (auto.create.topics.enable=false)
  --node-id N        broker id (default 1)
  --verbose          print diagnostics (closed connections, recovery) to stderr
  --help             show this text

A DR lab (two brokers and a MirrorMaker 2 stand-in replicating between them):
  --dr-lab           run the primary and DR clusters and the lab mirror
  --mm2-config FILE  the mm2.properties to mirror by (default: the built-in copy of the
                     repository's mirror-maker-config/mm2.properties); its bootstrap
                     addresses are replaced by the lab's
  --primary-port N   port of the primary (default 9092; 0 = any free port)
  --dr-port N        port of the DR cluster (default 9093; 0 = any free port)
  --data DIR         keep both clusters' data in DIR/<alias> (the mirror's position too)
  --verbose          print what the brokers and the mirror report to stderr

Prints 'Mm2Dr lab broker listening on HOST:PORT' (or, with --dr-lab, one line per cluster:
'Mm2Dr DR lab: primary cluster 'primary' listening on HOST:PORT', then the DR cluster,
then 'Mm2Dr DR lab: mirroring primary->dr') when ready; stops on Ctrl+C or SIGTERM.
Exit codes: 0 stopped cleanly, 1 could not start, 2 bad arguments.";

        public static HostArguments Parse(string[] args)
        {
            var parsed = new HostArguments();
            for (var i = 0; i < args.Length && parsed.Error == null; i++)
            {
                var arg = args[i];
                switch (arg)
                {
                    case "--help":
                    case "-h":
                    case "-?":
                        parsed.ShowHelp = true;
                        break;
                    case "--no-auto-create":
                        parsed.Options.AutoCreateTopics = false;
                        break;
                    case "--verbose":
                        parsed.Verbose = true;
                        break;
                    case "--dr-lab":
                        parsed.DrLab = true;
                        break;
                    case "--mm2-config":
                        if (parsed.TryValue(args, ref i, arg, out var config))
                        {
                            parsed.DrLabOptions.Mm2ConfigPath = config;
                        }

                        break;
                    case "--host":
                        if (parsed.TryValue(args, ref i, arg, out var host))
                        {
                            if (IPAddress.TryParse(host, out _))
                            {
                                parsed.Options.Host = host;
                            }
                            else
                            {
                                parsed.Error = $"--host: '{host}' is not an IP address (e.g. 127.0.0.1).";
                            }
                        }

                        break;
                    case "--data":
                        if (parsed.TryValue(args, ref i, arg, out var data))
                        {
                            parsed.Options.DataDirectory = data;
                            parsed.DrLabOptions.DataDirectory = data;
                        }

                        break;
                    default:
                        if (!parsed.TryNumber(args, ref i, arg))
                        {
                            parsed.Error = $"Unknown argument '{arg}'. Try --help.";
                        }

                        break;
                }
            }

            if (parsed.Error == null)
            {
                parsed.CheckMode(args);
            }

            return parsed;
        }

        // One broker's options and the DR lab's do not mix: say so rather than ignore one of them.
        private void CheckMode(string[] args)
        {
            string[] brokerOnly = { "--port", "--host", "--partitions", "--no-auto-create", "--node-id" };
            string[] labOnly = { "--mm2-config", "--primary-port", "--dr-port" };
            var wrong = Array.Find(DrLab ? brokerOnly : labOnly, a => Array.IndexOf(args, a) >= 0);
            if (wrong != null)
            {
                Error = DrLab ? $"{wrong} is for a single broker; with --dr-lab use --primary-port and --dr-port." : $"{wrong} needs --dr-lab.";
            }
            else if (DrLab && DrLabOptions.PrimaryPort != 0 && DrLabOptions.PrimaryPort == DrLabOptions.DrPort)
            {
                Error = $"--primary-port and --dr-port are both {DrLabOptions.PrimaryPort}; give the clusters different ports.";
            }
        }

        /// <summary>The whole-number options: name, range, and where the value goes.</summary>
        private bool TryNumber(string[] args, ref int i, string name)
        {
            Action<int> set;
            int min;
            var max = 65535;
            switch (name)
            {
                case "--port": (set, min) = (v => Options.Port = v, 0); break;
                case "--primary-port": (set, min) = (v => DrLabOptions.PrimaryPort = v, 0); break;
                case "--dr-port": (set, min) = (v => DrLabOptions.DrPort = v, 0); break;
                case "--partitions": (set, min, max) = (v => Options.DefaultPartitions = v, 1, 100000); break;
                case "--node-id": (set, min, max) = (v => Options.NodeId = v, 0, int.MaxValue); break;
                default: return false;
            }

            if (TryValue(args, ref i, name, out var text))
            {
                set(ParseInt(name, text, min, max));
            }

            return true;
        }

        private bool TryValue(string[] args, ref int i, string name, out string value)
        {
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                Error = $"{name} needs a value.";
                value = "";
                return false;
            }

            value = args[++i];
            return true;
        }

        private int ParseInt(string name, string text, int min, int max)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                Error = $"{name}: '{text}' is not a whole number from {min} to {max}.";
                return 0;
            }

            return value;
        }
    }
}
