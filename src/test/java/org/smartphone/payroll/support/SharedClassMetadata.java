package org.smartphone.payroll.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.type.classreading.MetadataReader;

/**
 * What Spring read from the class files of the engine and its libraries (their annotations, read with
 * ASM while it finds the components and evaluates the auto-configurations), kept for the whole test
 * JVM: every in-process command opens the engine's Spring application anew ({@link Programme#run}), and
 * each one read the same few hundred class files again, a fifth of the CPU of a short command. Spring
 * keeps that reading in a cache of each application (its resource cache for {@link MetadataReader}),
 * which this initializer fills from the JVM's before the application starts and copies back once the
 * bean definitions are made. The classes do not change while the tests run; the applications, their
 * settings and their beans are each command's own, as before.
 *
 * <p>Registered for the tests only (src/test/resources/META-INF/spring.factories).
 */
public final class SharedClassMetadata implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Map<Resource, MetadataReader> READ = new ConcurrentHashMap<>();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context instanceof DefaultResourceLoader loader) {
            Map<Resource, MetadataReader> cache = loader.getResourceCache(MetadataReader.class);
            cache.putAll(READ);
            // after the bean definitions are made (components found, configurations read), before the
            // application clears its resource caches at the end of its start
            context.addBeanFactoryPostProcessor(beanFactory -> READ.putAll(cache));
        }
    }
}
