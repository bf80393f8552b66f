using System;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Mm2Dr.Core.Native
{
    /// <summary>System.Runtime.InteropServices.NativeLibrary (.NET Core 3+), reached by reflection from netstandard2.0.</summary>
    internal static class NativeLibraryApi
    {
        private static readonly Type? NativeLibraryType = typeof(object).Assembly.GetType("System.Runtime.InteropServices.NativeLibrary");
        private static readonly Type? ResolverType = typeof(object).Assembly.GetType("System.Runtime.InteropServices.DllImportResolver");

        public delegate IntPtr Resolver(string libraryName, Assembly assembly, DllImportSearchPath? searchPath);

        public static bool IsAvailable => NativeLibraryType != null && ResolverType != null;

        public static void SetResolver(Assembly assembly, Resolver resolver)
        {
            var set = NativeLibraryType!.GetMethod("SetDllImportResolver", new[] { typeof(Assembly), ResolverType! })!;
            var typed = Delegate.CreateDelegate(ResolverType!, resolver.Target, resolver.Method);
            try
            {
                set.Invoke(null, new object[] { assembly, typed });
            }
            catch (TargetInvocationException ex) when (ex.InnerException is InvalidOperationException inner)
            {
                throw inner;
            }
        }

        public static bool TryLoad(string path, out IntPtr handle)
        {
            var tryLoad = NativeLibraryType!.GetMethod("TryLoad", new[] { typeof(string), typeof(IntPtr).MakeByRefType() })!;
            var args = new object?[] { path, IntPtr.Zero };
            var ok = (bool)tryLoad.Invoke(null, args)!;
            handle = (IntPtr)args[1]!;
            return ok;
        }
    }
}
