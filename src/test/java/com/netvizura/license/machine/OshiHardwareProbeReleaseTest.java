package com.netvizura.license.machine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.ref.WeakReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe in a class loader of its own, as in a web application (OSHI, JNA and the plugin all loaded by it, the
 * probing thread's context class loader set to it, as Tomcat does while it deploys): the threads the probe leaves
 * keep that loader in memory until {@link OshiHardwareProbe#release()}, and nothing does after it.
 */
class OshiHardwareProbeReleaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void probeInAnApplicationsOwnLoader_staysInMemoryUntilRelease_thenCanBeCollected() throws Exception {
        WeakReference<ClassLoader> application = probeInOwnLoader();

        assertFalse(collected(application, 5), "JNA's cleaner thread keeps the loader that probed");
        release(application);

        assertTrue(collected(application, 50), "after release() nothing of the probe keeps the loader");
    }

    /** Probes in a new loader and forgets it, but for a weak reference (no local variable may keep it). */
    private WeakReference<ClassLoader> probeInOwnLoader() throws Exception {
        URLClassLoader loader = new URLClassLoader("application", classPath(), ClassLoader.getPlatformClassLoader());
        Class<?> probe = Class.forName(OshiHardwareProbe.class.getName(), true, loader);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object facts = probe.getMethod("probe").invoke(probe.getConstructor(Path.class).newInstance(dataDirectory));
            assertNotNull(facts);
        } finally {
            thread.setContextClassLoader(before);
        }
        return new WeakReference<>(loader);
    }

    private void release(WeakReference<ClassLoader> application) throws Exception {
        ClassLoader loader = application.get();
        assertNotNull(loader);
        Class<?> probe = Class.forName(OshiHardwareProbe.class.getName(), true, loader);
        probe.getMethod("release").invoke(probe.getConstructor(Path.class).newInstance(dataDirectory));
    }

    private static boolean collected(WeakReference<ClassLoader> loader, int fullGcs) throws InterruptedException {
        for (int i = 0; i < fullGcs && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return loader.get() == null;
    }

    /** The test's class path; a manifest-only JAR (surefire's) brings its entries through URLClassLoader. */
    private static URL[] classPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
