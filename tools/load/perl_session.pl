#!/usr/bin/perl
# An interpreter session with phases: the program tools/load/perl_session.py captures (Debian's
# perl, built with usemymalloc=n: string buffers, array and hash storage come from the system
# malloc; SV heads and bodies come from perl's own arenas, carved out of malloc'd chunks).
#
# stdin carries log lines and commands, written by the load script over minutes:
#   <ms> <level> service=<s> user=<u> path=<p> latency=<n> bytes=<n> msg="<words>"
#   #report     percentiles per service and path of the current window, top words (sorts, joins)
#   #rotate     closes the window: keeps its summary, drops windows older than KEEP_WINDOWS
#   #reindex    rebuilds the word index from the kept windows, dropping words seen fewer than 3 times
# End of stdin: prints the number of windows and words, and exits normally.
use strict;
use warnings;

my $KEEP_WINDOWS = 6;
my @windows = ({});          # each: { "service path" => [latencies], _bytes => n, _msgs => [..] }
my %words;                   # word => count over the kept windows
my @summaries;               # one text summary per closed window
my $reports = 0;
my $line_re = qr/^(\d+) (\w+) service=(\S+) user=(\S+) path=(\S+) latency=(\d+) bytes=(\d+) msg="([^"]*)"$/;

while (my $line = <STDIN>) {
    chomp $line;
    if ($line =~ $line_re) {
        my ($ms, $level, $service, $user, $path, $latency, $bytes, $msg) = ($1, $2, $3, $4, $5, $6, $7, $8);
        my $w = $windows[-1];
        push @{ $w->{"$service $path"} }, $latency;
        $w->{_bytes} += $bytes;
        push @{ $w->{_msgs} }, "$level $user $msg" if $level ne 'INFO';
        $words{$_}++ for split / /, $msg;
    } elsif ($line eq '#report') {
        my $w = $windows[-1];
        my @rows;
        for my $key (sort grep { !/^_/ } keys %$w) {
            my @lat = sort { $a <=> $b } @{ $w->{$key} };
            push @rows, sprintf("%-40s n=%5d p50=%5d p99=%5d", $key, scalar @lat, $lat[int(@lat / 2)], $lat[int(@lat * 0.99)]);
        }
        my @top = (sort { $words{$b} <=> $words{$a} || $a cmp $b } keys %words)[0 .. 19];
        my $report = join("\n", @rows, join(",", grep { defined } @top));
        $reports++;
        push @summaries, substr($report, 0, 2000);
    } elsif ($line eq '#rotate') {
        push @windows, {};
        shift @windows while @windows > $KEEP_WINDOWS;
        shift @summaries while @summaries > 4 * $KEEP_WINDOWS;
    } elsif ($line eq '#reindex') {
        my %fresh;
        for my $w (@windows) {
            for my $m (@{ $w->{_msgs} || [] }) {
                $fresh{$_}++ for split / /, $m;
            }
        }
        $fresh{$_} += $words{$_} for grep { $words{$_} >= 3 } keys %words;
        %words = %fresh;
    }
}
printf "perl_session: %d windows, %d words, %d reports\n", scalar @windows, scalar keys %words, $reports;
