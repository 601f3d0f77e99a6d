package com.catalogimage.scanner.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The continuous part: a scan every {@code scan.interval}. */
@ApplicationScoped
public class ScheduledScan {

    private static final Logger LOG = Logger.getLogger(ScheduledScan.class);

    private final ScanService scans;

    public ScheduledScan(ScanService scans) {
        this.scans = scans;
    }

    @Scheduled(every = "${scan.interval}", delayed = "${scan.first-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        try {
            scans.scan("schedule");
        } catch (ScanService.NotReadyException e) {
            LOG.infof("Scan postponed: %s", e.getMessage());
        } catch (RuntimeException e) {
            // The next interval tries again; the catalog being briefly unreachable is not worth more than a line.
            LOG.warnf("Scan failed, next one in %s: %s", "scan.interval", e.getMessage());
        }
    }
}
