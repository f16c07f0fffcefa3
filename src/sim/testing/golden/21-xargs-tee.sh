# xargs and tee, case by case. 21-xargs-tee.out is what GNU bash 5.2, findutils 4.9 and coreutils
# printed for these same lines (Debian 12), not the simulator's own output.
printf 'a b\nc "d e" f\n' | xargs -n 2 echo; echo st $?
printf 'x\ny\n' | xargs -I{} echo "[{}]"
printf '' | xargs echo; echo "st $?"
printf '' | xargs -r echo hi; echo "st $?"
printf 'a\n' | xargs nosuchcmd; echo "st $?"
printf 'a\n' | xargs false; echo "st $?"
printf 'a b\n' | xargs -t echo 2>&1
printf "a 'b\n" | xargs echo 2>&1; echo "st $?"
printf 'a\nb\n' | xargs -L 1 echo
printf 'a,b,c' | xargs -d, echo
printf 'a\n' | xargs -n 0 echo 2>&1; echo "st $?"
echo hi | tee /nonexist/x 2>&1; echo "st $?"
echo hi | tee -x 2>&1; echo "st $?"
mkdir -p tdir; echo hi | tee tdir 2>&1; echo "st $?"
echo one | tee f1 f2 >/dev/null; echo two | tee -a f1; cat f1 f2
