using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Mm2Dr.Core.Native
{
    /// <summary>
    /// Makes librdkafka load from a module folder. PowerShell ignores a module's deps.json, so Confluent.Kafka
    /// cannot find runtimes/&lt;rid&gt;/native by itself; and Confluent's own Library.Load needs "libdl", which
    /// Debian 12 does not ship under that name. A DllImport resolver (reached by reflection, because
    /// netstandard2.0 has no NativeLibrary type) maps the names Confluent asks for to the module's files.
    /// </summary>
    public static class RdKafkaLibrary
    {
        private static readonly object Gate = new object();
        private static readonly HashSet<Assembly> Registered = new HashSet<Assembly>();
        private static string? _moduleFolder;
        private static string? _loadedPath;

        /// <summary>The file librdkafka was loaded from, once known.</summary>
        public static string? LoadedPath
        {
            get
            {
                lock (Gate)
                {
                    return _loadedPath ?? FindLoadedInProcess();
                }
            }
        }

        /// <summary>Called once by the module initializer with the folder that holds runtimes/.</summary>
        public static void UseModuleFolder(string folder)
        {
            lock (Gate)
            {
                _moduleFolder = folder;
                var confluent = typeof(Confluent.Kafka.Library).Assembly;
                if (NativeLibraryApi.IsAvailable)
                {
                    Register(confluent);
                    return;
                }
            }

            // .NET Framework (Windows PowerShell 5.1): LoadLibrary by full path works there, and later
            // DllImport("librdkafka") calls bind to the module already in the process by name.
            foreach (var candidate in Candidates("librdkafka"))
            {
                if (File.Exists(candidate))
                {
                    Confluent.Kafka.Library.Load(candidate);
                    _loadedPath = candidate;
                    return;
                }
            }
        }

        /// <summary>
        /// Makes this assembly's own P/Invoke (the mock-cluster API) bind to the same librdkafka file that
        /// Confluent.Kafka loaded; a second copy of the library would not share the mock's state.
        /// </summary>
        internal static void EnsureOwnImportsBound()
        {
            _ = Confluent.Kafka.Library.Version;
            lock (Gate)
            {
                if (NativeLibraryApi.IsAvailable)
                {
                    Register(typeof(RdKafkaLibrary).Assembly);
                }
            }
        }

        private static void Register(Assembly assembly)
        {
            if (!Registered.Add(assembly))
            {
                return;
            }

            try
            {
                NativeLibraryApi.SetResolver(assembly, Resolve);
            }
            catch (InvalidOperationException)
            {
                // Someone (a host, or an earlier load of this module) already set one; theirs stays in charge.
            }
        }

        private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (libraryName.IndexOf("rdkafka", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return IntPtr.Zero;
            }

            string? known;
            lock (Gate)
            {
                known = _loadedPath;
            }

            if (assembly != typeof(Confluent.Kafka.Library).Assembly)
            {
                known ??= FindLoadedInProcess();
                if (known != null && NativeLibraryApi.TryLoad(known, out var existing))
                {
                    return existing;
                }

                return IntPtr.Zero;
            }

            foreach (var candidate in Candidates(libraryName))
            {
                if (File.Exists(candidate) && NativeLibraryApi.TryLoad(candidate, out var handle))
                {
                    lock (Gate)
                    {
                        _loadedPath = candidate;
                    }

                    return handle;
                }
            }

            // Not ours to find: let the runtime's default probing (and Confluent's next candidate name) try.
            return IntPtr.Zero;
        }

        private static IEnumerable<string> Candidates(string libraryName)
        {
            var folder = _moduleFolder;
            if (folder == null)
            {
                yield break;
            }

            var native = Path.Combine(folder, "runtimes", RuntimeIdentifier(), "native");
            var fileName = libraryName;
            if (Path.GetExtension(fileName).Length == 0 || !fileName.EndsWith(LibraryExtension(), StringComparison.OrdinalIgnoreCase))
            {
                fileName += LibraryExtension();
            }

            yield return Path.Combine(native, fileName);
        }

        private static string LibraryExtension()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return ".dll";
            }

            return RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? ".dylib" : ".so";
        }

        internal static string RuntimeIdentifier()
        {
            var arch = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.X86 => "x86",
                Architecture.Arm64 => "arm64",
                Architecture.Arm => "arm",
                var other => other.ToString().ToLowerInvariant(),
            };

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return "win-" + arch;
            }

            return (RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx-" : "linux-") + arch;
        }

        private static string? FindLoadedInProcess()
        {
            try
            {
                if (File.Exists("/proc/self/maps"))
                {
                    foreach (var line in File.ReadLines("/proc/self/maps"))
                    {
                        var slash = line.IndexOf('/');
                        if (slash < 0)
                        {
                            continue;
                        }

                        var path = line.Substring(slash).Trim();
                        var name = Path.GetFileName(path);
                        if (name.IndexOf("librdkafka", StringComparison.Ordinal) >= 0 && name.IndexOf("cpp", StringComparison.Ordinal) < 0)
                        {
                            return path;
                        }
                    }

                    return null;
                }

                using var process = Process.GetCurrentProcess();
                return process.Modules.Cast<ProcessModule>()
                    .Select(m => m.FileName)
                    .FirstOrDefault(f => f != null && Path.GetFileName(f).StartsWith("librdkafka", StringComparison.OrdinalIgnoreCase)
                        && Path.GetFileName(f).IndexOf("cpp", StringComparison.OrdinalIgnoreCase) < 0);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is InvalidOperationException || ex is NotSupportedException)
            {
                return null;
            }
        }
    }
}
