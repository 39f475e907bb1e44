;; hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
(module
 (type $0 (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $1 (func (param i32 i32 i32 i32 i32)))
 (type $2 (func (param i32 i32 i32 i32)))
 (type $3 (func (param i32 i32 i32 i32 i32 i32 i32)))
 (import "env" "memory" (memory $0 1 65536))
 (export "ln_emb" (func $ln_emb))
 (export "mm_qkv" (func $mm_qkv))
 (export "gather_kt" (func $gather_kt))
 (export "attend" (func $attend))
 (export "mm_o" (func $mm_o))
 (export "ln1" (func $ln1))
 (export "mm_f1" (func $mm_f1))
 (export "mm_f2" (func $mm_f2))
 (export "ln2" (func $ln2))
 (export "mm_pool" (func $mm_pool))
 (func $ln_emb (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local.set $9
   (i32.const 4160)
  )
  (local.set $10
   (i32.const 4224)
  )
  (block $done6
   (local.set $5
    (local.get $3)
   )
   (br_if $done6
    (i32.ge_s
     (local.get $5)
     (local.get $4)
    )
   )
   (loop $loop7
    (local.set $7
     (i32.add
      (local.get $1)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $2)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done0
     (local.set $6
      (i32.const 0)
     )
     (br_if $done0
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop1
      (local.set $11
       (f32x4.add
        (local.get $11)
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop1
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $13
     (f32x4.splat
      (f32.div
       (f32.add
        (f32.add
         (f32x4.extract_lane 0
          (local.get $11)
         )
         (f32x4.extract_lane 1
          (local.get $11)
         )
        )
        (f32.add
         (f32x4.extract_lane 2
          (local.get $11)
         )
         (f32x4.extract_lane 3
          (local.get $11)
         )
        )
       )
       (f32.const 8)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done2
     (local.set $6
      (i32.const 0)
     )
     (br_if $done2
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop3
      (local.set $12
       (f32x4.sub
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
        (local.get $13)
       )
      )
      (local.set $11
       (f32x4.relaxed_madd
        (local.get $12)
        (local.get $12)
        (local.get $11)
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop3
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $14
     (f32x4.splat
      (f32.div
       (f32.const 1)
       (f32.sqrt
        (f32.add
         (f32.div
          (f32.add
           (f32.add
            (f32x4.extract_lane 0
             (local.get $11)
            )
            (f32x4.extract_lane 1
             (local.get $11)
            )
           )
           (f32.add
            (f32x4.extract_lane 2
             (local.get $11)
            )
            (f32x4.extract_lane 3
             (local.get $11)
            )
           )
          )
          (f32.const 8)
         )
         (f32.const 9.999999960041972e-13)
        )
       )
      )
     )
    )
    (block $done4
     (local.set $6
      (i32.const 0)
     )
     (br_if $done4
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop5
      (local.set $12
       (f32x4.mul
        (f32x4.sub
         (v128.load
          (i32.add
           (local.get $7)
           (local.get $6)
          )
         )
         (local.get $13)
        )
        (local.get $14)
       )
      )
      (v128.store
       (i32.add
        (local.get $8)
        (local.get $6)
       )
       (f32x4.relaxed_madd
        (local.get $12)
        (v128.load
         (i32.add
          (local.get $9)
          (local.get $6)
         )
        )
        (v128.load
         (i32.add
          (local.get $10)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop5
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $5
     (i32.add
      (local.get $5)
      (i32.const 1)
     )
    )
    (br_if $loop7
     (i32.lt_s
      (local.get $5)
      (local.get $4)
     )
    )
   )
  )
 )
 (func $mm_qkv (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 v128)
  (local $22 v128)
  (local $23 v128)
  (local $24 v128)
  (local $25 v128)
  (local $26 v128)
  (local $27 v128)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  (local $31 i32)
  (local $32 i32)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 v128)
  (local $37 v128)
  (local $38 v128)
  (local $39 v128)
  (local $40 v128)
  (local $41 v128)
  (local $42 v128)
  (local $43 v128)
  (local $44 v128)
  (local $45 v128)
  (local $46 v128)
  (local $47 v128)
  (local $48 v128)
  (local $49 v128)
  (local $50 i32)
  (local $51 i32)
  (local $52 i32)
  (local $53 i32)
  (local $54 i32)
  (local $55 v128)
  (local $56 v128)
  (local $57 v128)
  (local $58 v128)
  (local $59 v128)
  (local $60 v128)
  (local $61 v128)
  (local $62 v128)
  (local $63 v128)
  (local $64 v128)
  (local $65 v128)
  (local $66 i32)
  (local $67 i32)
  (local $68 i32)
  (local $69 i32)
  (local $70 i32)
  (local $71 v128)
  (local $72 v128)
  (local $73 v128)
  (local $74 v128)
  (local $75 v128)
  (local $76 v128)
  (local $77 v128)
  (local $78 v128)
  (local $79 v128)
  (local $80 i32)
  (local $81 i32)
  (local $82 i32)
  (local $83 i32)
  (local $84 i32)
  (local $85 v128)
  (local $86 v128)
  (local $87 v128)
  (local $88 v128)
  (local $89 v128)
  (local $90 v128)
  (local $91 v128)
  (local $92 i32)
  (local $93 i32)
  (local $94 i32)
  (local $95 i32)
  (local $96 i32)
  (local $97 v128)
  (local $98 v128)
  (local $99 v128)
  (local $100 v128)
  (local $101 v128)
  (local $102 i32)
  (local $103 i32)
  (local $104 i32)
  (local $105 i32)
  (local $106 i32)
  (local.set $12
   (i32.rem_u
    (i32.sub
     (local.get $5)
     (local.get $4)
    )
    (i32.const 4)
   )
  )
  (local.set $13
   (select
    (i32.const 2)
    (select
     (i32.const 4)
     (i32.const 1)
     (i32.eq
      (local.get $12)
      (i32.const 1)
     )
    )
    (i32.eq
     (local.get $12)
     (i32.const 2)
    )
   )
  )
  (local.set $14
   (if (result i32)
    (i32.gt_s
     (local.get $13)
     (i32.const 1)
    )
    (then
     (i32.add
      (local.get $6)
      (i32.mul
       (i32.div_u
        (i32.sub
         (local.get $7)
         (local.get $6)
        )
        (local.get $13)
       )
       (local.get $13)
      )
     )
    )
    (else
     (local.get $6)
    )
   )
  )
  (block $done8
   (local.set $8
    (local.get $6)
   )
   (br_if $done8
    (i32.ge_s
     (local.get $8)
     (local.get $7)
    )
   )
   (loop $loop9
    (local.set $10
     (i32.add
      (i32.add
       (i32.const 4288)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 256)
      )
     )
    )
    (local.set $11
     (i32.add
      (i32.add
       (i32.const 5056)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 32)
      )
     )
    )
    (if
     (i32.and
      (i32.lt_s
       (local.get $8)
       (local.get $14)
      )
      (i32.eqz
       (i32.rem_u
        (i32.sub
         (local.get $8)
         (local.get $6)
        )
        (local.get $13)
       )
      )
     )
     (then
      (local.set $9
       (i32.sub
        (local.get $5)
        (local.get $12)
       )
      )
      (if
       (i32.eq
        (local.get $12)
        (i32.const 1)
       )
       (then
        (local.set $33
         (v128.load
          (local.get $11)
         )
        )
        (local.set $34
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $35
         (v128.load offset=32
          (local.get $11)
         )
        )
        (local.set $36
         (v128.load offset=48
          (local.get $11)
         )
        )
        (local.set $37
         (v128.load offset=64
          (local.get $11)
         )
        )
        (local.set $38
         (v128.load offset=80
          (local.get $11)
         )
        )
        (local.set $39
         (v128.load offset=96
          (local.get $11)
         )
        )
        (local.set $40
         (v128.load offset=112
          (local.get $11)
         )
        )
        (local.set $50
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $52
         (i32.add
          (local.get $50)
          (i32.const 32)
         )
        )
        (local.set $51
         (local.get $10)
        )
        (loop $k1
         (local.set $41
          (v128.load
           (local.get $51)
          )
         )
         (local.set $42
          (v128.load offset=16
           (local.get $51)
          )
         )
         (local.set $43
          (v128.load offset=256
           (local.get $51)
          )
         )
         (local.set $44
          (v128.load offset=272
           (local.get $51)
          )
         )
         (local.set $45
          (v128.load offset=512
           (local.get $51)
          )
         )
         (local.set $46
          (v128.load offset=528
           (local.get $51)
          )
         )
         (local.set $47
          (v128.load offset=768
           (local.get $51)
          )
         )
         (local.set $48
          (v128.load offset=784
           (local.get $51)
          )
         )
         (local.set $49
          (v128.load32_splat
           (local.get $50)
          )
         )
         (local.set $33
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $41)
           (local.get $33)
          )
         )
         (local.set $34
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $42)
           (local.get $34)
          )
         )
         (local.set $35
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $43)
           (local.get $35)
          )
         )
         (local.set $36
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $44)
           (local.get $36)
          )
         )
         (local.set $37
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $45)
           (local.get $37)
          )
         )
         (local.set $38
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $46)
           (local.get $38)
          )
         )
         (local.set $39
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $47)
           (local.get $39)
          )
         )
         (local.set $40
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $48)
           (local.get $40)
          )
         )
         (local.set $51
          (i32.add
           (local.get $51)
           (i32.const 32)
          )
         )
         (local.set $50
          (i32.add
           (local.get $50)
           (i32.const 4)
          )
         )
         (br_if $k1
          (i32.lt_u
           (local.get $50)
           (local.get $52)
          )
         )
        )
        (local.set $53
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 96)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $53)
         (local.get $33)
        )
        (v128.store offset=16
         (local.get $53)
         (local.get $34)
        )
        (v128.store offset=32
         (local.get $53)
         (local.get $35)
        )
        (v128.store offset=48
         (local.get $53)
         (local.get $36)
        )
        (v128.store offset=64
         (local.get $53)
         (local.get $37)
        )
        (v128.store offset=80
         (local.get $53)
         (local.get $38)
        )
        (v128.store offset=96
         (local.get $53)
         (local.get $39)
        )
        (v128.store offset=112
         (local.get $53)
         (local.get $40)
        )
       )
       (else
        (if
         (i32.eq
          (local.get $12)
          (i32.const 2)
         )
         (then
          (local.set $15
           (v128.load
            (local.get $11)
           )
          )
          (local.set $16
           (v128.load offset=16
            (local.get $11)
           )
          )
          (local.set $17
           (v128.load offset=32
            (local.get $11)
           )
          )
          (local.set $18
           (v128.load offset=48
            (local.get $11)
           )
          )
          (local.set $19
           (v128.load
            (local.get $11)
           )
          )
          (local.set $20
           (v128.load offset=16
            (local.get $11)
           )
          )
          (local.set $21
           (v128.load offset=32
            (local.get $11)
           )
          )
          (local.set $22
           (v128.load offset=48
            (local.get $11)
           )
          )
          (local.set $28
           (i32.add
            (local.get $1)
            (i32.mul
             (local.get $9)
             (i32.const 32)
            )
           )
          )
          (local.set $30
           (i32.add
            (local.get $28)
            (i32.const 32)
           )
          )
          (local.set $29
           (local.get $10)
          )
          (loop $k0
           (local.set $23
            (v128.load
             (local.get $29)
            )
           )
           (local.set $24
            (v128.load offset=16
             (local.get $29)
            )
           )
           (local.set $25
            (v128.load offset=256
             (local.get $29)
            )
           )
           (local.set $26
            (v128.load offset=272
             (local.get $29)
            )
           )
           (local.set $27
            (v128.load32_splat
             (local.get $28)
            )
           )
           (local.set $15
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $23)
             (local.get $15)
            )
           )
           (local.set $16
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $24)
             (local.get $16)
            )
           )
           (local.set $17
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $25)
             (local.get $17)
            )
           )
           (local.set $18
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $26)
             (local.get $18)
            )
           )
           (local.set $27
            (v128.load32_splat offset=32
             (local.get $28)
            )
           )
           (local.set $19
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $23)
             (local.get $19)
            )
           )
           (local.set $20
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $24)
             (local.get $20)
            )
           )
           (local.set $21
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $25)
             (local.get $21)
            )
           )
           (local.set $22
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $26)
             (local.get $22)
            )
           )
           (local.set $29
            (i32.add
             (local.get $29)
             (i32.const 32)
            )
           )
           (local.set $28
            (i32.add
             (local.get $28)
             (i32.const 4)
            )
           )
           (br_if $k0
            (i32.lt_u
             (local.get $28)
             (local.get $30)
            )
           )
          )
          (local.set $31
           (i32.add
            (i32.add
             (local.get $2)
             (i32.mul
              (local.get $9)
              (i32.const 96)
             )
            )
            (i32.mul
             (local.get $8)
             (i32.const 32)
            )
           )
          )
          (v128.store
           (local.get $31)
           (local.get $15)
          )
          (v128.store offset=16
           (local.get $31)
           (local.get $16)
          )
          (v128.store offset=32
           (local.get $31)
           (local.get $17)
          )
          (v128.store offset=48
           (local.get $31)
           (local.get $18)
          )
          (v128.store offset=96
           (local.get $31)
           (local.get $19)
          )
          (v128.store offset=112
           (local.get $31)
           (local.get $20)
          )
          (v128.store offset=128
           (local.get $31)
           (local.get $21)
          )
          (v128.store offset=144
           (local.get $31)
           (local.get $22)
          )
         )
         (else
          (nop)
         )
        )
       )
      )
     )
    )
    (block $done3
     (local.set $9
      (local.get $4)
     )
     (br_if $done3
      (i32.ge_s
       (local.get $9)
       (i32.add
        (i32.const -3)
        (local.get $5)
       )
      )
     )
     (loop $loop4
      (block
       (local.set $55
        (v128.load
         (local.get $11)
        )
       )
       (local.set $56
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $57
        (v128.load
         (local.get $11)
        )
       )
       (local.set $58
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $59
        (v128.load
         (local.get $11)
        )
       )
       (local.set $60
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $61
        (v128.load
         (local.get $11)
        )
       )
       (local.set $62
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $66
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $68
        (i32.add
         (local.get $66)
         (i32.const 32)
        )
       )
       (local.set $67
        (local.get $10)
       )
       (loop $k2
        (local.set $63
         (v128.load
          (local.get $67)
         )
        )
        (local.set $64
         (v128.load offset=16
          (local.get $67)
         )
        )
        (local.set $65
         (v128.load32_splat
          (local.get $66)
         )
        )
        (local.set $55
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $55)
         )
        )
        (local.set $56
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $56)
         )
        )
        (local.set $65
         (v128.load32_splat offset=32
          (local.get $66)
         )
        )
        (local.set $57
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $57)
         )
        )
        (local.set $58
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $58)
         )
        )
        (local.set $65
         (v128.load32_splat offset=64
          (local.get $66)
         )
        )
        (local.set $59
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $59)
         )
        )
        (local.set $60
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $60)
         )
        )
        (local.set $65
         (v128.load32_splat offset=96
          (local.get $66)
         )
        )
        (local.set $61
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $61)
         )
        )
        (local.set $62
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $62)
         )
        )
        (local.set $67
         (i32.add
          (local.get $67)
          (i32.const 32)
         )
        )
        (local.set $66
         (i32.add
          (local.get $66)
          (i32.const 4)
         )
        )
        (br_if $k2
         (i32.lt_u
          (local.get $66)
          (local.get $68)
         )
        )
       )
       (local.set $69
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 96)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (v128.store
        (local.get $69)
        (local.get $55)
       )
       (v128.store offset=16
        (local.get $69)
        (local.get $56)
       )
       (v128.store offset=96
        (local.get $69)
        (local.get $57)
       )
       (v128.store offset=112
        (local.get $69)
        (local.get $58)
       )
       (v128.store offset=192
        (local.get $69)
        (local.get $59)
       )
       (v128.store offset=208
        (local.get $69)
        (local.get $60)
       )
       (v128.store offset=288
        (local.get $69)
        (local.get $61)
       )
       (v128.store offset=304
        (local.get $69)
        (local.get $62)
       )
      )
      (local.set $9
       (i32.add
        (local.get $9)
        (i32.const 4)
       )
      )
      (br_if $loop4
       (i32.lt_s
        (local.get $9)
        (i32.add
         (i32.const -3)
         (local.get $5)
        )
       )
      )
     )
    )
    (if
     (i32.ge_s
      (local.get $8)
      (local.get $14)
     )
     (then
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 3)
       )
       (then
        (local.set $71
         (v128.load
          (local.get $11)
         )
        )
        (local.set $72
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $73
         (v128.load
          (local.get $11)
         )
        )
        (local.set $74
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $75
         (v128.load
          (local.get $11)
         )
        )
        (local.set $76
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $80
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $82
         (i32.add
          (local.get $80)
          (i32.const 32)
         )
        )
        (local.set $81
         (local.get $10)
        )
        (loop $k5
         (local.set $77
          (v128.load
           (local.get $81)
          )
         )
         (local.set $78
          (v128.load offset=16
           (local.get $81)
          )
         )
         (local.set $79
          (v128.load32_splat
           (local.get $80)
          )
         )
         (local.set $71
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $71)
          )
         )
         (local.set $72
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $72)
          )
         )
         (local.set $79
          (v128.load32_splat offset=32
           (local.get $80)
          )
         )
         (local.set $73
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $73)
          )
         )
         (local.set $74
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $74)
          )
         )
         (local.set $79
          (v128.load32_splat offset=64
           (local.get $80)
          )
         )
         (local.set $75
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $75)
          )
         )
         (local.set $76
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $76)
          )
         )
         (local.set $81
          (i32.add
           (local.get $81)
           (i32.const 32)
          )
         )
         (local.set $80
          (i32.add
           (local.get $80)
           (i32.const 4)
          )
         )
         (br_if $k5
          (i32.lt_u
           (local.get $80)
           (local.get $82)
          )
         )
        )
        (local.set $83
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 96)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $83)
         (local.get $71)
        )
        (v128.store offset=16
         (local.get $83)
         (local.get $72)
        )
        (v128.store offset=96
         (local.get $83)
         (local.get $73)
        )
        (v128.store offset=112
         (local.get $83)
         (local.get $74)
        )
        (v128.store offset=192
         (local.get $83)
         (local.get $75)
        )
        (v128.store offset=208
         (local.get $83)
         (local.get $76)
        )
       )
      )
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 2)
       )
       (then
        (local.set $85
         (v128.load
          (local.get $11)
         )
        )
        (local.set $86
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $87
         (v128.load
          (local.get $11)
         )
        )
        (local.set $88
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $92
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $94
         (i32.add
          (local.get $92)
          (i32.const 32)
         )
        )
        (local.set $93
         (local.get $10)
        )
        (loop $k6
         (local.set $89
          (v128.load
           (local.get $93)
          )
         )
         (local.set $90
          (v128.load offset=16
           (local.get $93)
          )
         )
         (local.set $91
          (v128.load32_splat
           (local.get $92)
          )
         )
         (local.set $85
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $89)
           (local.get $85)
          )
         )
         (local.set $86
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $90)
           (local.get $86)
          )
         )
         (local.set $91
          (v128.load32_splat offset=32
           (local.get $92)
          )
         )
         (local.set $87
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $89)
           (local.get $87)
          )
         )
         (local.set $88
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $90)
           (local.get $88)
          )
         )
         (local.set $93
          (i32.add
           (local.get $93)
           (i32.const 32)
          )
         )
         (local.set $92
          (i32.add
           (local.get $92)
           (i32.const 4)
          )
         )
         (br_if $k6
          (i32.lt_u
           (local.get $92)
           (local.get $94)
          )
         )
        )
        (local.set $95
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 96)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $95)
         (local.get $85)
        )
        (v128.store offset=16
         (local.get $95)
         (local.get $86)
        )
        (v128.store offset=96
         (local.get $95)
         (local.get $87)
        )
        (v128.store offset=112
         (local.get $95)
         (local.get $88)
        )
       )
      )
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 1)
       )
       (then
        (local.set $97
         (v128.load
          (local.get $11)
         )
        )
        (local.set $98
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $102
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $104
         (i32.add
          (local.get $102)
          (i32.const 32)
         )
        )
        (local.set $103
         (local.get $10)
        )
        (loop $k7
         (local.set $99
          (v128.load
           (local.get $103)
          )
         )
         (local.set $100
          (v128.load offset=16
           (local.get $103)
          )
         )
         (local.set $101
          (v128.load32_splat
           (local.get $102)
          )
         )
         (local.set $97
          (f32x4.relaxed_madd
           (local.get $101)
           (local.get $99)
           (local.get $97)
          )
         )
         (local.set $98
          (f32x4.relaxed_madd
           (local.get $101)
           (local.get $100)
           (local.get $98)
          )
         )
         (local.set $103
          (i32.add
           (local.get $103)
           (i32.const 32)
          )
         )
         (local.set $102
          (i32.add
           (local.get $102)
           (i32.const 4)
          )
         )
         (br_if $k7
          (i32.lt_u
           (local.get $102)
           (local.get $104)
          )
         )
        )
        (local.set $105
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 96)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $105)
         (local.get $97)
        )
        (v128.store offset=16
         (local.get $105)
         (local.get $98)
        )
       )
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $8)
      (i32.const 1)
     )
    )
    (br_if $loop9
     (i32.lt_s
      (local.get $8)
      (local.get $7)
     )
    )
   )
  )
 )
 (func $gather_kt (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 v128)
  (local $22 v128)
  (local $23 v128)
  (local $24 v128)
  (local $25 v128)
  (local $26 v128)
  (block $done4
   (local.set $4
    (local.get $2)
   )
   (br_if $done4
    (i32.ge_s
     (local.get $4)
     (local.get $3)
    )
   )
   (loop $loop5
    (local.set $5
     (i32.add
      (local.get $1)
      (i32.mul
       (local.get $4)
       (i32.const 16)
      )
     )
    )
    (local.set $6
     (i32.load
      (local.get $5)
     )
    )
    (local.set $7
     (i32.load offset=4
      (local.get $5)
     )
    )
    (local.set $8
     (i32.load offset=8
      (local.get $5)
     )
    )
    (local.set $9
     (i32.load offset=12
      (local.get $5)
     )
    )
    (local.set $13
     (i32.mul
      (local.get $9)
      (i32.const 4)
     )
    )
    (block $done2
     (local.set $10
      (i32.const 0)
     )
     (br_if $done2
      (i32.ge_s
       (local.get $10)
       (local.get $9)
      )
     )
     (loop $loop3
      (local.set $14
       (i32.add
        (i32.add
         (local.get $0)
         (i32.mul
          (i32.load
           (i32.add
            (local.get $8)
            (i32.mul
             (select
              (i32.add
               (local.get $10)
               (i32.const 0)
              )
              (local.get $10)
              (i32.lt_s
               (i32.add
                (local.get $10)
                (i32.const 0)
               )
               (local.get $7)
              )
             )
             (i32.const 4)
            )
           )
          )
          (i32.const 96)
         )
        )
        (i32.const 32)
       )
      )
      (local.set $15
       (i32.add
        (i32.add
         (local.get $0)
         (i32.mul
          (i32.load
           (i32.add
            (local.get $8)
            (i32.mul
             (select
              (i32.add
               (local.get $10)
               (i32.const 1)
              )
              (local.get $10)
              (i32.lt_s
               (i32.add
                (local.get $10)
                (i32.const 1)
               )
               (local.get $7)
              )
             )
             (i32.const 4)
            )
           )
          )
          (i32.const 96)
         )
        )
        (i32.const 32)
       )
      )
      (local.set $16
       (i32.add
        (i32.add
         (local.get $0)
         (i32.mul
          (i32.load
           (i32.add
            (local.get $8)
            (i32.mul
             (select
              (i32.add
               (local.get $10)
               (i32.const 2)
              )
              (local.get $10)
              (i32.lt_s
               (i32.add
                (local.get $10)
                (i32.const 2)
               )
               (local.get $7)
              )
             )
             (i32.const 4)
            )
           )
          )
          (i32.const 96)
         )
        )
        (i32.const 32)
       )
      )
      (local.set $17
       (i32.add
        (i32.add
         (local.get $0)
         (i32.mul
          (i32.load
           (i32.add
            (local.get $8)
            (i32.mul
             (select
              (i32.add
               (local.get $10)
               (i32.const 3)
              )
              (local.get $10)
              (i32.lt_s
               (i32.add
                (local.get $10)
                (i32.const 3)
               )
               (local.get $7)
              )
             )
             (i32.const 4)
            )
           )
          )
          (i32.const 96)
         )
        )
        (i32.const 32)
       )
      )
      (local.set $26
       (i32x4.lt_s
        (i32x4.add
         (i32x4.splat
          (local.get $10)
         )
         (v128.const i32x4 0x00000000 0x00000001 0x00000002 0x00000003)
        )
        (i32x4.splat
         (local.get $7)
        )
       )
      )
      (local.set $12
       (i32.add
        (local.get $6)
        (i32.mul
         (local.get $10)
         (i32.const 4)
        )
       )
      )
      (block $done0
       (local.set $11
        (i32.const 0)
       )
       (br_if $done0
        (i32.ge_s
         (local.get $11)
         (i32.const 32)
        )
       )
       (loop $loop1
        (local.set $18
         (v128.load
          (i32.add
           (local.get $14)
           (local.get $11)
          )
         )
        )
        (local.set $19
         (v128.load
          (i32.add
           (local.get $15)
           (local.get $11)
          )
         )
        )
        (local.set $20
         (v128.load
          (i32.add
           (local.get $16)
           (local.get $11)
          )
         )
        )
        (local.set $21
         (v128.load
          (i32.add
           (local.get $17)
           (local.get $11)
          )
         )
        )
        (local.set $22
         (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
          (local.get $18)
          (local.get $19)
         )
        )
        (local.set $23
         (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
          (local.get $20)
          (local.get $21)
         )
        )
        (local.set $24
         (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
          (local.get $18)
          (local.get $19)
         )
        )
        (local.set $25
         (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
          (local.get $20)
          (local.get $21)
         )
        )
        (local.set $18
         (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (local.get $22)
          (local.get $23)
         )
        )
        (local.set $19
         (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
          (local.get $22)
          (local.get $23)
         )
        )
        (local.set $20
         (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (local.get $24)
          (local.get $25)
         )
        )
        (local.set $21
         (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
          (local.get $24)
          (local.get $25)
         )
        )
        (v128.store
         (i32.add
          (local.get $12)
          (i32.mul
           (i32.const 0)
           (local.get $13)
          )
         )
         (v128.and
          (local.get $18)
          (local.get $26)
         )
        )
        (v128.store
         (i32.add
          (local.get $12)
          (i32.mul
           (i32.const 1)
           (local.get $13)
          )
         )
         (v128.and
          (local.get $19)
          (local.get $26)
         )
        )
        (v128.store
         (i32.add
          (local.get $12)
          (i32.mul
           (i32.const 2)
           (local.get $13)
          )
         )
         (v128.and
          (local.get $20)
          (local.get $26)
         )
        )
        (v128.store
         (i32.add
          (local.get $12)
          (i32.mul
           (i32.const 3)
           (local.get $13)
          )
         )
         (v128.and
          (local.get $21)
          (local.get $26)
         )
        )
        (local.set $12
         (i32.add
          (local.get $12)
          (i32.mul
           (i32.const 4)
           (local.get $13)
          )
         )
        )
        (local.set $11
         (i32.add
          (local.get $11)
          (i32.const 16)
         )
        )
        (br_if $loop1
         (i32.lt_s
          (local.get $11)
          (i32.const 32)
         )
        )
       )
      )
      (local.set $10
       (i32.add
        (local.get $10)
        (i32.const 4)
       )
      )
      (br_if $loop3
       (i32.lt_s
        (local.get $10)
        (local.get $9)
       )
      )
     )
    )
    (local.set $4
     (i32.add
      (local.get $4)
      (i32.const 1)
     )
    )
    (br_if $loop5
     (i32.lt_s
      (local.get $4)
      (local.get $3)
     )
    )
   )
  )
 )
 (func $attend (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 i32)
  (local $28 v128)
  (local $29 v128)
  (local $30 v128)
  (local $31 v128)
  (local $32 v128)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 v128)
  (local $37 v128)
  (local $38 v128)
  (local $39 v128)
  (local $40 i32)
  (local $41 i32)
  (local $42 v128)
  (local $43 v128)
  (local $44 v128)
  (local $45 v128)
  (local $46 v128)
  (local $47 v128)
  (local $48 v128)
  (local $49 v128)
  (local $50 v128)
  (local $51 v128)
  (local $52 v128)
  (local $53 v128)
  (local $54 v128)
  (local $55 v128)
  (local $56 v128)
  (local $57 v128)
  (local $58 v128)
  (local $59 v128)
  (local $60 i32)
  (local $61 i32)
  (local $62 i32)
  (local $63 i32)
  (local $64 i32)
  (local $65 i32)
  (local $66 i32)
  (local $67 i32)
  (local $68 i32)
  (local $69 i32)
  (local $70 v128)
  (local $71 v128)
  (local $72 v128)
  (local $73 v128)
  (local $74 v128)
  (local $75 v128)
  (local $76 v128)
  (local $77 v128)
  (local $78 v128)
  (local $79 v128)
  (local $80 v128)
  (local $81 v128)
  (local $82 i32)
  (local $83 i32)
  (local $84 v128)
  (local $85 v128)
  (local $86 v128)
  (local $87 v128)
  (local $88 v128)
  (local $89 v128)
  (local $90 v128)
  (local $91 v128)
  (local $92 v128)
  (local $93 v128)
  (local $94 v128)
  (local $95 v128)
  (local $96 i32)
  (local $97 i32)
  (local $98 i32)
  (local $99 i32)
  (local $100 i32)
  (local $101 i32)
  (local $102 i32)
  (local $103 i32)
  (local $104 i32)
  (local $105 v128)
  (local $106 v128)
  (local $107 v128)
  (local $108 v128)
  (local $109 v128)
  (local $110 v128)
  (local $111 v128)
  (local $112 v128)
  (local $113 v128)
  (local $114 v128)
  (local $115 v128)
  (local $116 v128)
  (local $117 i32)
  (local $118 i32)
  (local $119 v128)
  (local $120 v128)
  (local $121 v128)
  (local $122 v128)
  (local $123 v128)
  (local $124 v128)
  (local $125 v128)
  (local $126 v128)
  (local $127 v128)
  (local $128 v128)
  (block $done62
   (local.set $7
    (i32.const 0)
   )
   (br_if $done62
    (i32.ge_s
     (local.get $7)
     (i32.const 2)
    )
   )
   (loop $loop63
    (local.set $8
     (local.get $5)
    )
    (block $w60
     (loop $wl61
      (br_if $w60
       (i32.eqz
        (i32.lt_s
         (local.get $8)
         (local.get $6)
        )
       )
      )
      (local.set $9
       (i32.load
        (i32.add
         (local.get $2)
         (i32.mul
          (local.get $8)
          (i32.const 4)
         )
        )
       )
      )
      (local.set $10
       (i32.add
        (local.get $3)
        (i32.mul
         (local.get $9)
         (i32.const 16)
        )
       )
      )
      (local.set $11
       (i32.load
        (local.get $10)
       )
      )
      (local.set $12
       (i32.load offset=4
        (local.get $10)
       )
      )
      (local.set $13
       (i32.load offset=8
        (local.get $10)
       )
      )
      (local.set $14
       (i32.load offset=12
        (local.get $10)
       )
      )
      (local.set $15
       (i32.mul
        (local.get $14)
        (i32.const 4)
       )
      )
      (if
       (if (result i32)
        (i32.lt_s
         (i32.add
          (local.get $8)
          (i32.const 3)
         )
         (local.get $6)
        )
        (then
         (if (result i32)
          (i32.eq
           (i32.load offset=4
            (i32.add
             (local.get $2)
             (i32.mul
              (local.get $8)
              (i32.const 4)
             )
            )
           )
           (local.get $9)
          )
          (then
           (if (result i32)
            (i32.eq
             (i32.load offset=8
              (i32.add
               (local.get $2)
               (i32.mul
                (local.get $8)
                (i32.const 4)
               )
              )
             )
             (local.get $9)
            )
            (then
             (i32.eq
              (i32.load offset=12
               (i32.add
                (local.get $2)
                (i32.mul
                 (local.get $8)
                 (i32.const 4)
                )
               )
              )
              (local.get $9)
             )
            )
            (else
             (i32.const 0)
            )
           )
          )
          (else
           (i32.const 0)
          )
         )
        )
        (else
         (i32.const 0)
        )
       )
       (then
        (local.set $24
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $15)
           (i32.const 0)
          )
         )
        )
        (local.set $25
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $15)
           (i32.const 1)
          )
         )
        )
        (local.set $26
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $15)
           (i32.const 2)
          )
         )
        )
        (local.set $27
         (i32.add
          (local.get $4)
          (i32.mul
           (local.get $15)
           (i32.const 3)
          )
         )
        )
        (local.set $16
         (i32.const 0)
        )
        (block $w14
         (loop $wl15
          (br_if $w14
           (i32.eqz
            (i32.le_s
             (i32.add
              (local.get $16)
              (i32.const 8)
             )
             (local.get $14)
            )
           )
          )
          (local.set $48
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $49
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $50
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $51
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $52
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $53
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $54
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $55
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $18
           (i32.add
            (i32.add
             (local.get $0)
             (i32.mul
              (local.get $8)
              (i32.const 96)
             )
            )
            (i32.mul
             (local.get $7)
             (i32.const 16)
            )
           )
          )
          (local.set $19
           (i32.add
            (i32.add
             (local.get $11)
             (i32.mul
              (i32.mul
               (local.get $7)
               (i32.const 4)
              )
              (local.get $15)
             )
            )
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
          )
          (block $done12
           (local.set $17
            (i32.const 0)
           )
           (br_if $done12
            (i32.ge_s
             (local.get $17)
             (i32.const 4)
            )
           )
           (loop $loop13
            (local.set $32
             (v128.load
              (local.get $19)
             )
            )
            (local.set $33
             (v128.load offset=16
              (local.get $19)
             )
            )
            (local.set $28
             (v128.load32_splat
              (local.get $18)
             )
            )
            (local.set $48
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $32)
              (local.get $48)
             )
            )
            (local.set $49
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $33)
              (local.get $49)
             )
            )
            (local.set $28
             (v128.load32_splat offset=96
              (local.get $18)
             )
            )
            (local.set $50
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $32)
              (local.get $50)
             )
            )
            (local.set $51
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $33)
              (local.get $51)
             )
            )
            (local.set $28
             (v128.load32_splat offset=192
              (local.get $18)
             )
            )
            (local.set $52
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $32)
              (local.get $52)
             )
            )
            (local.set $53
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $33)
              (local.get $53)
             )
            )
            (local.set $28
             (v128.load32_splat offset=288
              (local.get $18)
             )
            )
            (local.set $54
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $32)
              (local.get $54)
             )
            )
            (local.set $55
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $33)
              (local.get $55)
             )
            )
            (local.set $18
             (i32.add
              (local.get $18)
              (i32.const 4)
             )
            )
            (local.set $19
             (i32.add
              (local.get $19)
              (local.get $15)
             )
            )
            (local.set $17
             (i32.add
              (local.get $17)
              (i32.const 1)
             )
            )
            (br_if $loop13
             (i32.lt_s
              (local.get $17)
              (i32.const 4)
             )
            )
           )
          )
          (v128.store
           (i32.add
            (local.get $24)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $48)
          )
          (v128.store offset=16
           (i32.add
            (local.get $24)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $49)
          )
          (v128.store
           (i32.add
            (local.get $25)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $50)
          )
          (v128.store offset=16
           (i32.add
            (local.get $25)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $51)
          )
          (v128.store
           (i32.add
            (local.get $26)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $52)
          )
          (v128.store offset=16
           (i32.add
            (local.get $26)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $53)
          )
          (v128.store
           (i32.add
            (local.get $27)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $54)
          )
          (v128.store offset=16
           (i32.add
            (local.get $27)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $55)
          )
          (local.set $16
           (i32.add
            (local.get $16)
            (i32.const 8)
           )
          )
          (br $wl15)
         )
        )
        (block $w18
         (loop $wl19
          (br_if $w18
           (i32.eqz
            (i32.lt_s
             (local.get $16)
             (local.get $14)
            )
           )
          )
          (local.set $56
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $57
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $58
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $59
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $18
           (i32.add
            (i32.add
             (local.get $0)
             (i32.mul
              (local.get $8)
              (i32.const 96)
             )
            )
            (i32.mul
             (local.get $7)
             (i32.const 16)
            )
           )
          )
          (local.set $19
           (i32.add
            (i32.add
             (local.get $11)
             (i32.mul
              (i32.mul
               (local.get $7)
               (i32.const 4)
              )
              (local.get $15)
             )
            )
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
          )
          (block $done16
           (local.set $17
            (i32.const 0)
           )
           (br_if $done16
            (i32.ge_s
             (local.get $17)
             (i32.const 4)
            )
           )
           (loop $loop17
            (local.set $32
             (v128.load
              (local.get $19)
             )
            )
            (local.set $28
             (v128.load32_splat
              (local.get $18)
             )
            )
            (local.set $56
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $32)
              (local.get $56)
             )
            )
            (local.set $28
             (v128.load32_splat offset=96
              (local.get $18)
             )
            )
            (local.set $57
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $32)
              (local.get $57)
             )
            )
            (local.set $28
             (v128.load32_splat offset=192
              (local.get $18)
             )
            )
            (local.set $58
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $32)
              (local.get $58)
             )
            )
            (local.set $28
             (v128.load32_splat offset=288
              (local.get $18)
             )
            )
            (local.set $59
             (f32x4.relaxed_madd
              (local.get $28)
              (local.get $32)
              (local.get $59)
             )
            )
            (local.set $18
             (i32.add
              (local.get $18)
              (i32.const 4)
             )
            )
            (local.set $19
             (i32.add
              (local.get $19)
              (local.get $15)
             )
            )
            (local.set $17
             (i32.add
              (local.get $17)
              (i32.const 1)
             )
            )
            (br_if $loop17
             (i32.lt_s
              (local.get $17)
              (i32.const 4)
             )
            )
           )
          )
          (v128.store
           (i32.add
            (local.get $24)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $56)
          )
          (v128.store
           (i32.add
            (local.get $25)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $57)
          )
          (v128.store
           (i32.add
            (local.get $26)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $58)
          )
          (v128.store
           (i32.add
            (local.get $27)
            (i32.mul
             (local.get $16)
             (i32.const 4)
            )
           )
           (local.get $59)
          )
          (local.set $16
           (i32.add
            (local.get $16)
            (i32.const 4)
           )
          )
          (br $wl19)
         )
        )
        (block $done8
         (local.set $40
          (i32.const 0)
         )
         (br_if $done8
          (i32.ge_s
           (local.get $40)
           (i32.const 4)
          )
         )
         (loop $loop9
          (local.set $41
           (i32.add
            (local.get $4)
            (i32.mul
             (local.get $40)
             (local.get $15)
            )
           )
          )
          (block $done0
           (local.set $20
            (local.get $12)
           )
           (br_if $done0
            (i32.ge_s
             (local.get $20)
             (local.get $14)
            )
           )
           (loop $loop1
            (f32.store
             (i32.add
              (local.get $41)
              (i32.mul
               (local.get $20)
               (i32.const 4)
              )
             )
             (f32.const -inf)
            )
            (local.set $20
             (i32.add
              (local.get $20)
              (i32.const 1)
             )
            )
            (br_if $loop1
             (i32.lt_s
              (local.get $20)
              (local.get $14)
             )
            )
           )
          )
          (local.set $29
           (f32x4.splat
            (f32.const -inf)
           )
          )
          (block $done2
           (local.set $21
            (i32.const 0)
           )
           (br_if $done2
            (i32.ge_s
             (local.get $21)
             (local.get $15)
            )
           )
           (loop $loop3
            (local.set $29
             (f32x4.max
              (local.get $29)
              (v128.load
               (i32.add
                (local.get $41)
                (local.get $21)
               )
              )
             )
            )
            (local.set $21
             (i32.add
              (local.get $21)
              (i32.const 16)
             )
            )
            (br_if $loop3
             (i32.lt_s
              (local.get $21)
              (local.get $15)
             )
            )
           )
          )
          (local.set $29
           (f32x4.splat
            (f32.max
             (f32.max
              (f32x4.extract_lane 0
               (local.get $29)
              )
              (f32x4.extract_lane 1
               (local.get $29)
              )
             )
             (f32.max
              (f32x4.extract_lane 2
               (local.get $29)
              )
              (f32x4.extract_lane 3
               (local.get $29)
              )
             )
            )
           )
          )
          (local.set $30
           (f32x4.splat
            (f32.const 0)
           )
          )
          (block $done4
           (local.set $21
            (i32.const 0)
           )
           (br_if $done4
            (i32.ge_s
             (local.get $21)
             (local.get $15)
            )
           )
           (loop $loop5
            (local.set $28
             (f32x4.sub
              (v128.load
               (i32.add
                (local.get $41)
                (local.get $21)
               )
              )
              (local.get $29)
             )
            )
            (block
             (local.set $28
              (f32x4.max
               (f32x4.min
                (local.get $28)
                (f32x4.splat
                 (f32.const 88)
                )
               )
               (f32x4.splat
                (f32.const -87.3365478515625)
               )
              )
             )
             (local.set $42
              (f32x4.nearest
               (f32x4.mul
                (local.get $28)
                (f32x4.splat
                 (f32.const 1.4426950216293335)
                )
               )
              )
             )
             (local.set $28
              (f32x4.sub
               (local.get $28)
               (f32x4.mul
                (local.get $42)
                (f32x4.splat
                 (f32.const 0.693359375)
                )
               )
              )
             )
             (local.set $28
              (f32x4.sub
               (local.get $28)
               (f32x4.mul
                (local.get $42)
                (f32x4.splat
                 (f32.const -2.1219444170128554e-04)
                )
               )
              )
             )
             (local.set $43
              (f32x4.mul
               (local.get $28)
               (local.get $28)
              )
             )
             (local.set $31
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.relaxed_madd
                  (f32x4.relaxed_madd
                   (f32x4.relaxed_madd
                    (f32x4.splat
                     (f32.const 1.9875691214110702e-04)
                    )
                    (local.get $28)
                    (f32x4.splat
                     (f32.const 0.001398199936375022)
                    )
                   )
                   (local.get $28)
                   (f32x4.splat
                    (f32.const 0.008333452045917511)
                   )
                  )
                  (local.get $28)
                  (f32x4.splat
                   (f32.const 0.04166579619050026)
                  )
                 )
                 (local.get $28)
                 (f32x4.splat
                  (f32.const 0.1666666567325592)
                 )
                )
                (local.get $28)
                (f32x4.splat
                 (f32.const 0.5)
                )
               )
               (local.get $43)
               (f32x4.add
                (local.get $28)
                (f32x4.splat
                 (f32.const 1)
                )
               )
              )
             )
             (local.set $42
              (i32x4.shl
               (i32x4.add
                (i32x4.trunc_sat_f32x4_s
                 (local.get $42)
                )
                (i32x4.splat
                 (i32.const 127)
                )
               )
               (i32.const 23)
              )
             )
             (local.set $31
              (f32x4.mul
               (local.get $31)
               (local.get $42)
              )
             )
            )
            (v128.store
             (i32.add
              (local.get $41)
              (local.get $21)
             )
             (local.get $31)
            )
            (local.set $30
             (f32x4.add
              (local.get $30)
              (local.get $31)
             )
            )
            (local.set $21
             (i32.add
              (local.get $21)
              (i32.const 16)
             )
            )
            (br_if $loop5
             (i32.lt_s
              (local.get $21)
              (local.get $15)
             )
            )
           )
          )
          (local.set $30
           (f32x4.splat
            (f32.div
             (f32.const 1)
             (f32.add
              (f32.add
               (f32x4.extract_lane 0
                (local.get $30)
               )
               (f32x4.extract_lane 1
                (local.get $30)
               )
              )
              (f32.add
               (f32x4.extract_lane 2
                (local.get $30)
               )
               (f32x4.extract_lane 3
                (local.get $30)
               )
              )
             )
            )
           )
          )
          (block $done6
           (local.set $21
            (i32.const 0)
           )
           (br_if $done6
            (i32.ge_s
             (local.get $21)
             (local.get $15)
            )
           )
           (loop $loop7
            (v128.store
             (i32.add
              (local.get $41)
              (local.get $21)
             )
             (f32x4.mul
              (v128.load
               (i32.add
                (local.get $41)
                (local.get $21)
               )
              )
              (local.get $30)
             )
            )
            (local.set $21
             (i32.add
              (local.get $21)
              (i32.const 16)
             )
            )
            (br_if $loop7
             (i32.lt_s
              (local.get $21)
              (local.get $15)
             )
            )
           )
          )
          (local.set $40
           (i32.add
            (local.get $40)
            (i32.const 1)
           )
          )
          (br_if $loop9
           (i32.lt_s
            (local.get $40)
            (i32.const 4)
           )
          )
         )
        )
        (local.set $23
         (i32.add
          (i32.add
           (local.get $1)
           (i32.mul
            (local.get $8)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $7)
           (i32.const 16)
          )
         )
        )
        (local.set $44
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $45
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $46
         (f32x4.splat
          (f32.const 0)
         )
        )
        (local.set $47
         (f32x4.splat
          (f32.const 0)
         )
        )
        (block $done10
         (local.set $21
          (i32.const 0)
         )
         (br_if $done10
          (i32.ge_s
           (local.get $21)
           (i32.mul
            (local.get $12)
            (i32.const 4)
           )
          )
         )
         (loop $loop11
          (local.set $22
           (i32.add
            (i32.add
             (local.get $0)
             (i32.mul
              (i32.load
               (i32.add
                (local.get $13)
                (local.get $21)
               )
              )
              (i32.const 96)
             )
            )
            (i32.add
             (i32.const 64)
             (i32.mul
              (local.get $7)
              (i32.const 16)
             )
            )
           )
          )
          (local.set $32
           (v128.load
            (local.get $22)
           )
          )
          (local.set $28
           (v128.load32_splat
            (i32.add
             (local.get $24)
             (local.get $21)
            )
           )
          )
          (local.set $44
           (f32x4.relaxed_madd
            (local.get $28)
            (local.get $32)
            (local.get $44)
           )
          )
          (local.set $28
           (v128.load32_splat
            (i32.add
             (local.get $25)
             (local.get $21)
            )
           )
          )
          (local.set $45
           (f32x4.relaxed_madd
            (local.get $28)
            (local.get $32)
            (local.get $45)
           )
          )
          (local.set $28
           (v128.load32_splat
            (i32.add
             (local.get $26)
             (local.get $21)
            )
           )
          )
          (local.set $46
           (f32x4.relaxed_madd
            (local.get $28)
            (local.get $32)
            (local.get $46)
           )
          )
          (local.set $28
           (v128.load32_splat
            (i32.add
             (local.get $27)
             (local.get $21)
            )
           )
          )
          (local.set $47
           (f32x4.relaxed_madd
            (local.get $28)
            (local.get $32)
            (local.get $47)
           )
          )
          (local.set $21
           (i32.add
            (local.get $21)
            (i32.const 4)
           )
          )
          (br_if $loop11
           (i32.lt_s
            (local.get $21)
            (i32.mul
             (local.get $12)
             (i32.const 4)
            )
           )
          )
         )
        )
        (v128.store
         (local.get $23)
         (local.get $44)
        )
        (v128.store offset=32
         (local.get $23)
         (local.get $45)
        )
        (v128.store offset=64
         (local.get $23)
         (local.get $46)
        )
        (v128.store offset=96
         (local.get $23)
         (local.get $47)
        )
        (local.set $8
         (i32.add
          (local.get $8)
          (i32.const 4)
         )
        )
       )
       (else
        (if
         (if (result i32)
          (i32.lt_s
           (i32.add
            (local.get $8)
            (i32.const 1)
           )
           (local.get $6)
          )
          (then
           (i32.eq
            (i32.load offset=4
             (i32.add
              (local.get $2)
              (i32.mul
               (local.get $8)
               (i32.const 4)
              )
             )
            )
            (local.get $9)
           )
          )
          (else
           (i32.const 0)
          )
         )
         (then
          (local.set $68
           (i32.add
            (local.get $4)
            (i32.mul
             (local.get $15)
             (i32.const 0)
            )
           )
          )
          (local.set $69
           (i32.add
            (local.get $4)
            (i32.mul
             (local.get $15)
             (i32.const 1)
            )
           )
          )
          (local.set $60
           (i32.const 0)
          )
          (block $w34
           (loop $wl35
            (br_if $w34
             (i32.eqz
              (i32.le_s
               (i32.add
                (local.get $60)
                (i32.const 16)
               )
               (local.get $14)
              )
             )
            )
            (local.set $86
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $87
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $88
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $89
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $90
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $91
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $92
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $93
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $62
             (i32.add
              (i32.add
               (local.get $0)
               (i32.mul
                (local.get $8)
                (i32.const 96)
               )
              )
              (i32.mul
               (local.get $7)
               (i32.const 16)
              )
             )
            )
            (local.set $63
             (i32.add
              (i32.add
               (local.get $11)
               (i32.mul
                (i32.mul
                 (local.get $7)
                 (i32.const 4)
                )
                (local.get $15)
               )
              )
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
            )
            (block $done32
             (local.set $61
              (i32.const 0)
             )
             (br_if $done32
              (i32.ge_s
               (local.get $61)
               (i32.const 4)
              )
             )
             (loop $loop33
              (local.set $74
               (v128.load
                (local.get $63)
               )
              )
              (local.set $75
               (v128.load offset=16
                (local.get $63)
               )
              )
              (local.set $76
               (v128.load offset=32
                (local.get $63)
               )
              )
              (local.set $77
               (v128.load offset=48
                (local.get $63)
               )
              )
              (local.set $70
               (v128.load32_splat
                (local.get $62)
               )
              )
              (local.set $86
               (f32x4.relaxed_madd
                (local.get $70)
                (local.get $74)
                (local.get $86)
               )
              )
              (local.set $87
               (f32x4.relaxed_madd
                (local.get $70)
                (local.get $75)
                (local.get $87)
               )
              )
              (local.set $88
               (f32x4.relaxed_madd
                (local.get $70)
                (local.get $76)
                (local.get $88)
               )
              )
              (local.set $89
               (f32x4.relaxed_madd
                (local.get $70)
                (local.get $77)
                (local.get $89)
               )
              )
              (local.set $70
               (v128.load32_splat offset=96
                (local.get $62)
               )
              )
              (local.set $90
               (f32x4.relaxed_madd
                (local.get $70)
                (local.get $74)
                (local.get $90)
               )
              )
              (local.set $91
               (f32x4.relaxed_madd
                (local.get $70)
                (local.get $75)
                (local.get $91)
               )
              )
              (local.set $92
               (f32x4.relaxed_madd
                (local.get $70)
                (local.get $76)
                (local.get $92)
               )
              )
              (local.set $93
               (f32x4.relaxed_madd
                (local.get $70)
                (local.get $77)
                (local.get $93)
               )
              )
              (local.set $62
               (i32.add
                (local.get $62)
                (i32.const 4)
               )
              )
              (local.set $63
               (i32.add
                (local.get $63)
                (local.get $15)
               )
              )
              (local.set $61
               (i32.add
                (local.get $61)
                (i32.const 1)
               )
              )
              (br_if $loop33
               (i32.lt_s
                (local.get $61)
                (i32.const 4)
               )
              )
             )
            )
            (v128.store
             (i32.add
              (local.get $68)
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
             (local.get $86)
            )
            (v128.store offset=16
             (i32.add
              (local.get $68)
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
             (local.get $87)
            )
            (v128.store offset=32
             (i32.add
              (local.get $68)
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
             (local.get $88)
            )
            (v128.store offset=48
             (i32.add
              (local.get $68)
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
             (local.get $89)
            )
            (v128.store
             (i32.add
              (local.get $69)
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
             (local.get $90)
            )
            (v128.store offset=16
             (i32.add
              (local.get $69)
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
             (local.get $91)
            )
            (v128.store offset=32
             (i32.add
              (local.get $69)
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
             (local.get $92)
            )
            (v128.store offset=48
             (i32.add
              (local.get $69)
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
             (local.get $93)
            )
            (local.set $60
             (i32.add
              (local.get $60)
              (i32.const 16)
             )
            )
            (br $wl35)
           )
          )
          (block $w38
           (loop $wl39
            (br_if $w38
             (i32.eqz
              (i32.lt_s
               (local.get $60)
               (local.get $14)
              )
             )
            )
            (local.set $94
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $95
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $62
             (i32.add
              (i32.add
               (local.get $0)
               (i32.mul
                (local.get $8)
                (i32.const 96)
               )
              )
              (i32.mul
               (local.get $7)
               (i32.const 16)
              )
             )
            )
            (local.set $63
             (i32.add
              (i32.add
               (local.get $11)
               (i32.mul
                (i32.mul
                 (local.get $7)
                 (i32.const 4)
                )
                (local.get $15)
               )
              )
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
            )
            (block $done36
             (local.set $61
              (i32.const 0)
             )
             (br_if $done36
              (i32.ge_s
               (local.get $61)
               (i32.const 4)
              )
             )
             (loop $loop37
              (local.set $74
               (v128.load
                (local.get $63)
               )
              )
              (local.set $70
               (v128.load32_splat
                (local.get $62)
               )
              )
              (local.set $94
               (f32x4.relaxed_madd
                (local.get $70)
                (local.get $74)
                (local.get $94)
               )
              )
              (local.set $70
               (v128.load32_splat offset=96
                (local.get $62)
               )
              )
              (local.set $95
               (f32x4.relaxed_madd
                (local.get $70)
                (local.get $74)
                (local.get $95)
               )
              )
              (local.set $62
               (i32.add
                (local.get $62)
                (i32.const 4)
               )
              )
              (local.set $63
               (i32.add
                (local.get $63)
                (local.get $15)
               )
              )
              (local.set $61
               (i32.add
                (local.get $61)
                (i32.const 1)
               )
              )
              (br_if $loop37
               (i32.lt_s
                (local.get $61)
                (i32.const 4)
               )
              )
             )
            )
            (v128.store
             (i32.add
              (local.get $68)
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
             (local.get $94)
            )
            (v128.store
             (i32.add
              (local.get $69)
              (i32.mul
               (local.get $60)
               (i32.const 4)
              )
             )
             (local.get $95)
            )
            (local.set $60
             (i32.add
              (local.get $60)
              (i32.const 4)
             )
            )
            (br $wl39)
           )
          )
          (block $done28
           (local.set $82
            (i32.const 0)
           )
           (br_if $done28
            (i32.ge_s
             (local.get $82)
             (i32.const 2)
            )
           )
           (loop $loop29
            (local.set $83
             (i32.add
              (local.get $4)
              (i32.mul
               (local.get $82)
               (local.get $15)
              )
             )
            )
            (block $done20
             (local.set $64
              (local.get $12)
             )
             (br_if $done20
              (i32.ge_s
               (local.get $64)
               (local.get $14)
              )
             )
             (loop $loop21
              (f32.store
               (i32.add
                (local.get $83)
                (i32.mul
                 (local.get $64)
                 (i32.const 4)
                )
               )
               (f32.const -inf)
              )
              (local.set $64
               (i32.add
                (local.get $64)
                (i32.const 1)
               )
              )
              (br_if $loop21
               (i32.lt_s
                (local.get $64)
                (local.get $14)
               )
              )
             )
            )
            (local.set $71
             (f32x4.splat
              (f32.const -inf)
             )
            )
            (block $done22
             (local.set $65
              (i32.const 0)
             )
             (br_if $done22
              (i32.ge_s
               (local.get $65)
               (local.get $15)
              )
             )
             (loop $loop23
              (local.set $71
               (f32x4.max
                (local.get $71)
                (v128.load
                 (i32.add
                  (local.get $83)
                  (local.get $65)
                 )
                )
               )
              )
              (local.set $65
               (i32.add
                (local.get $65)
                (i32.const 16)
               )
              )
              (br_if $loop23
               (i32.lt_s
                (local.get $65)
                (local.get $15)
               )
              )
             )
            )
            (local.set $71
             (f32x4.splat
              (f32.max
               (f32.max
                (f32x4.extract_lane 0
                 (local.get $71)
                )
                (f32x4.extract_lane 1
                 (local.get $71)
                )
               )
               (f32.max
                (f32x4.extract_lane 2
                 (local.get $71)
                )
                (f32x4.extract_lane 3
                 (local.get $71)
                )
               )
              )
             )
            )
            (local.set $72
             (f32x4.splat
              (f32.const 0)
             )
            )
            (block $done24
             (local.set $65
              (i32.const 0)
             )
             (br_if $done24
              (i32.ge_s
               (local.get $65)
               (local.get $15)
              )
             )
             (loop $loop25
              (local.set $70
               (f32x4.sub
                (v128.load
                 (i32.add
                  (local.get $83)
                  (local.get $65)
                 )
                )
                (local.get $71)
               )
              )
              (block
               (local.set $70
                (f32x4.max
                 (f32x4.min
                  (local.get $70)
                  (f32x4.splat
                   (f32.const 88)
                  )
                 )
                 (f32x4.splat
                  (f32.const -87.3365478515625)
                 )
                )
               )
               (local.set $42
                (f32x4.nearest
                 (f32x4.mul
                  (local.get $70)
                  (f32x4.splat
                   (f32.const 1.4426950216293335)
                  )
                 )
                )
               )
               (local.set $70
                (f32x4.sub
                 (local.get $70)
                 (f32x4.mul
                  (local.get $42)
                  (f32x4.splat
                   (f32.const 0.693359375)
                  )
                 )
                )
               )
               (local.set $70
                (f32x4.sub
                 (local.get $70)
                 (f32x4.mul
                  (local.get $42)
                  (f32x4.splat
                   (f32.const -2.1219444170128554e-04)
                  )
                 )
                )
               )
               (local.set $43
                (f32x4.mul
                 (local.get $70)
                 (local.get $70)
                )
               )
               (local.set $73
                (f32x4.relaxed_madd
                 (f32x4.relaxed_madd
                  (f32x4.relaxed_madd
                   (f32x4.relaxed_madd
                    (f32x4.relaxed_madd
                     (f32x4.relaxed_madd
                      (f32x4.splat
                       (f32.const 1.9875691214110702e-04)
                      )
                      (local.get $70)
                      (f32x4.splat
                       (f32.const 0.001398199936375022)
                      )
                     )
                     (local.get $70)
                     (f32x4.splat
                      (f32.const 0.008333452045917511)
                     )
                    )
                    (local.get $70)
                    (f32x4.splat
                     (f32.const 0.04166579619050026)
                    )
                   )
                   (local.get $70)
                   (f32x4.splat
                    (f32.const 0.1666666567325592)
                   )
                  )
                  (local.get $70)
                  (f32x4.splat
                   (f32.const 0.5)
                  )
                 )
                 (local.get $43)
                 (f32x4.add
                  (local.get $70)
                  (f32x4.splat
                   (f32.const 1)
                  )
                 )
                )
               )
               (local.set $42
                (i32x4.shl
                 (i32x4.add
                  (i32x4.trunc_sat_f32x4_s
                   (local.get $42)
                  )
                  (i32x4.splat
                   (i32.const 127)
                  )
                 )
                 (i32.const 23)
                )
               )
               (local.set $73
                (f32x4.mul
                 (local.get $73)
                 (local.get $42)
                )
               )
              )
              (v128.store
               (i32.add
                (local.get $83)
                (local.get $65)
               )
               (local.get $73)
              )
              (local.set $72
               (f32x4.add
                (local.get $72)
                (local.get $73)
               )
              )
              (local.set $65
               (i32.add
                (local.get $65)
                (i32.const 16)
               )
              )
              (br_if $loop25
               (i32.lt_s
                (local.get $65)
                (local.get $15)
               )
              )
             )
            )
            (local.set $72
             (f32x4.splat
              (f32.div
               (f32.const 1)
               (f32.add
                (f32.add
                 (f32x4.extract_lane 0
                  (local.get $72)
                 )
                 (f32x4.extract_lane 1
                  (local.get $72)
                 )
                )
                (f32.add
                 (f32x4.extract_lane 2
                  (local.get $72)
                 )
                 (f32x4.extract_lane 3
                  (local.get $72)
                 )
                )
               )
              )
             )
            )
            (block $done26
             (local.set $65
              (i32.const 0)
             )
             (br_if $done26
              (i32.ge_s
               (local.get $65)
               (local.get $15)
              )
             )
             (loop $loop27
              (v128.store
               (i32.add
                (local.get $83)
                (local.get $65)
               )
               (f32x4.mul
                (v128.load
                 (i32.add
                  (local.get $83)
                  (local.get $65)
                 )
                )
                (local.get $72)
               )
              )
              (local.set $65
               (i32.add
                (local.get $65)
                (i32.const 16)
               )
              )
              (br_if $loop27
               (i32.lt_s
                (local.get $65)
                (local.get $15)
               )
              )
             )
            )
            (local.set $82
             (i32.add
              (local.get $82)
              (i32.const 1)
             )
            )
            (br_if $loop29
             (i32.lt_s
              (local.get $82)
              (i32.const 2)
             )
            )
           )
          )
          (local.set $67
           (i32.add
            (i32.add
             (local.get $1)
             (i32.mul
              (local.get $8)
              (i32.const 32)
             )
            )
            (i32.mul
             (local.get $7)
             (i32.const 16)
            )
           )
          )
          (local.set $84
           (f32x4.splat
            (f32.const 0)
           )
          )
          (local.set $85
           (f32x4.splat
            (f32.const 0)
           )
          )
          (block $done30
           (local.set $65
            (i32.const 0)
           )
           (br_if $done30
            (i32.ge_s
             (local.get $65)
             (i32.mul
              (local.get $12)
              (i32.const 4)
             )
            )
           )
           (loop $loop31
            (local.set $66
             (i32.add
              (i32.add
               (local.get $0)
               (i32.mul
                (i32.load
                 (i32.add
                  (local.get $13)
                  (local.get $65)
                 )
                )
                (i32.const 96)
               )
              )
              (i32.add
               (i32.const 64)
               (i32.mul
                (local.get $7)
                (i32.const 16)
               )
              )
             )
            )
            (local.set $74
             (v128.load
              (local.get $66)
             )
            )
            (local.set $70
             (v128.load32_splat
              (i32.add
               (local.get $68)
               (local.get $65)
              )
             )
            )
            (local.set $84
             (f32x4.relaxed_madd
              (local.get $70)
              (local.get $74)
              (local.get $84)
             )
            )
            (local.set $70
             (v128.load32_splat
              (i32.add
               (local.get $69)
               (local.get $65)
              )
             )
            )
            (local.set $85
             (f32x4.relaxed_madd
              (local.get $70)
              (local.get $74)
              (local.get $85)
             )
            )
            (local.set $65
             (i32.add
              (local.get $65)
              (i32.const 4)
             )
            )
            (br_if $loop31
             (i32.lt_s
              (local.get $65)
              (i32.mul
               (local.get $12)
               (i32.const 4)
              )
             )
            )
           )
          )
          (v128.store
           (local.get $67)
           (local.get $84)
          )
          (v128.store offset=32
           (local.get $67)
           (local.get $85)
          )
          (local.set $8
           (i32.add
            (local.get $8)
            (i32.const 2)
           )
          )
         )
         (else
          (local.set $104
           (i32.add
            (local.get $4)
            (i32.mul
             (local.get $15)
             (i32.const 0)
            )
           )
          )
          (local.set $96
           (i32.const 0)
          )
          (block $w54
           (loop $wl55
            (br_if $w54
             (i32.eqz
              (i32.le_s
               (i32.add
                (local.get $96)
                (i32.const 32)
               )
               (local.get $14)
              )
             )
            )
            (local.set $120
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $121
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $122
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $123
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $124
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $125
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $126
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $127
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $98
             (i32.add
              (i32.add
               (local.get $0)
               (i32.mul
                (local.get $8)
                (i32.const 96)
               )
              )
              (i32.mul
               (local.get $7)
               (i32.const 16)
              )
             )
            )
            (local.set $99
             (i32.add
              (i32.add
               (local.get $11)
               (i32.mul
                (i32.mul
                 (local.get $7)
                 (i32.const 4)
                )
                (local.get $15)
               )
              )
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
            )
            (block $done52
             (local.set $97
              (i32.const 0)
             )
             (br_if $done52
              (i32.ge_s
               (local.get $97)
               (i32.const 4)
              )
             )
             (loop $loop53
              (local.set $105
               (v128.load32_splat
                (local.get $98)
               )
              )
              (local.set $120
               (f32x4.relaxed_madd
                (local.get $105)
                (v128.load
                 (local.get $99)
                )
                (local.get $120)
               )
              )
              (local.set $121
               (f32x4.relaxed_madd
                (local.get $105)
                (v128.load offset=16
                 (local.get $99)
                )
                (local.get $121)
               )
              )
              (local.set $122
               (f32x4.relaxed_madd
                (local.get $105)
                (v128.load offset=32
                 (local.get $99)
                )
                (local.get $122)
               )
              )
              (local.set $123
               (f32x4.relaxed_madd
                (local.get $105)
                (v128.load offset=48
                 (local.get $99)
                )
                (local.get $123)
               )
              )
              (local.set $124
               (f32x4.relaxed_madd
                (local.get $105)
                (v128.load offset=64
                 (local.get $99)
                )
                (local.get $124)
               )
              )
              (local.set $125
               (f32x4.relaxed_madd
                (local.get $105)
                (v128.load offset=80
                 (local.get $99)
                )
                (local.get $125)
               )
              )
              (local.set $126
               (f32x4.relaxed_madd
                (local.get $105)
                (v128.load offset=96
                 (local.get $99)
                )
                (local.get $126)
               )
              )
              (local.set $127
               (f32x4.relaxed_madd
                (local.get $105)
                (v128.load offset=112
                 (local.get $99)
                )
                (local.get $127)
               )
              )
              (local.set $98
               (i32.add
                (local.get $98)
                (i32.const 4)
               )
              )
              (local.set $99
               (i32.add
                (local.get $99)
                (local.get $15)
               )
              )
              (local.set $97
               (i32.add
                (local.get $97)
                (i32.const 1)
               )
              )
              (br_if $loop53
               (i32.lt_s
                (local.get $97)
                (i32.const 4)
               )
              )
             )
            )
            (v128.store
             (i32.add
              (local.get $104)
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
             (local.get $120)
            )
            (v128.store offset=16
             (i32.add
              (local.get $104)
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
             (local.get $121)
            )
            (v128.store offset=32
             (i32.add
              (local.get $104)
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
             (local.get $122)
            )
            (v128.store offset=48
             (i32.add
              (local.get $104)
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
             (local.get $123)
            )
            (v128.store offset=64
             (i32.add
              (local.get $104)
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
             (local.get $124)
            )
            (v128.store offset=80
             (i32.add
              (local.get $104)
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
             (local.get $125)
            )
            (v128.store offset=96
             (i32.add
              (local.get $104)
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
             (local.get $126)
            )
            (v128.store offset=112
             (i32.add
              (local.get $104)
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
             (local.get $127)
            )
            (local.set $96
             (i32.add
              (local.get $96)
              (i32.const 32)
             )
            )
            (br $wl55)
           )
          )
          (block $w58
           (loop $wl59
            (br_if $w58
             (i32.eqz
              (i32.lt_s
               (local.get $96)
               (local.get $14)
              )
             )
            )
            (local.set $128
             (f32x4.splat
              (f32.const 0)
             )
            )
            (local.set $98
             (i32.add
              (i32.add
               (local.get $0)
               (i32.mul
                (local.get $8)
                (i32.const 96)
               )
              )
              (i32.mul
               (local.get $7)
               (i32.const 16)
              )
             )
            )
            (local.set $99
             (i32.add
              (i32.add
               (local.get $11)
               (i32.mul
                (i32.mul
                 (local.get $7)
                 (i32.const 4)
                )
                (local.get $15)
               )
              )
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
            )
            (block $done56
             (local.set $97
              (i32.const 0)
             )
             (br_if $done56
              (i32.ge_s
               (local.get $97)
               (i32.const 4)
              )
             )
             (loop $loop57
              (local.set $105
               (v128.load32_splat
                (local.get $98)
               )
              )
              (local.set $128
               (f32x4.relaxed_madd
                (local.get $105)
                (v128.load
                 (local.get $99)
                )
                (local.get $128)
               )
              )
              (local.set $98
               (i32.add
                (local.get $98)
                (i32.const 4)
               )
              )
              (local.set $99
               (i32.add
                (local.get $99)
                (local.get $15)
               )
              )
              (local.set $97
               (i32.add
                (local.get $97)
                (i32.const 1)
               )
              )
              (br_if $loop57
               (i32.lt_s
                (local.get $97)
                (i32.const 4)
               )
              )
             )
            )
            (v128.store
             (i32.add
              (local.get $104)
              (i32.mul
               (local.get $96)
               (i32.const 4)
              )
             )
             (local.get $128)
            )
            (local.set $96
             (i32.add
              (local.get $96)
              (i32.const 4)
             )
            )
            (br $wl59)
           )
          )
          (block $done48
           (local.set $117
            (i32.const 0)
           )
           (br_if $done48
            (i32.ge_s
             (local.get $117)
             (i32.const 1)
            )
           )
           (loop $loop49
            (local.set $118
             (i32.add
              (local.get $4)
              (i32.mul
               (local.get $117)
               (local.get $15)
              )
             )
            )
            (block $done40
             (local.set $100
              (local.get $12)
             )
             (br_if $done40
              (i32.ge_s
               (local.get $100)
               (local.get $14)
              )
             )
             (loop $loop41
              (f32.store
               (i32.add
                (local.get $118)
                (i32.mul
                 (local.get $100)
                 (i32.const 4)
                )
               )
               (f32.const -inf)
              )
              (local.set $100
               (i32.add
                (local.get $100)
                (i32.const 1)
               )
              )
              (br_if $loop41
               (i32.lt_s
                (local.get $100)
                (local.get $14)
               )
              )
             )
            )
            (local.set $106
             (f32x4.splat
              (f32.const -inf)
             )
            )
            (block $done42
             (local.set $101
              (i32.const 0)
             )
             (br_if $done42
              (i32.ge_s
               (local.get $101)
               (local.get $15)
              )
             )
             (loop $loop43
              (local.set $106
               (f32x4.max
                (local.get $106)
                (v128.load
                 (i32.add
                  (local.get $118)
                  (local.get $101)
                 )
                )
               )
              )
              (local.set $101
               (i32.add
                (local.get $101)
                (i32.const 16)
               )
              )
              (br_if $loop43
               (i32.lt_s
                (local.get $101)
                (local.get $15)
               )
              )
             )
            )
            (local.set $106
             (f32x4.splat
              (f32.max
               (f32.max
                (f32x4.extract_lane 0
                 (local.get $106)
                )
                (f32x4.extract_lane 1
                 (local.get $106)
                )
               )
               (f32.max
                (f32x4.extract_lane 2
                 (local.get $106)
                )
                (f32x4.extract_lane 3
                 (local.get $106)
                )
               )
              )
             )
            )
            (local.set $107
             (f32x4.splat
              (f32.const 0)
             )
            )
            (block $done44
             (local.set $101
              (i32.const 0)
             )
             (br_if $done44
              (i32.ge_s
               (local.get $101)
               (local.get $15)
              )
             )
             (loop $loop45
              (local.set $105
               (f32x4.sub
                (v128.load
                 (i32.add
                  (local.get $118)
                  (local.get $101)
                 )
                )
                (local.get $106)
               )
              )
              (block
               (local.set $105
                (f32x4.max
                 (f32x4.min
                  (local.get $105)
                  (f32x4.splat
                   (f32.const 88)
                  )
                 )
                 (f32x4.splat
                  (f32.const -87.3365478515625)
                 )
                )
               )
               (local.set $42
                (f32x4.nearest
                 (f32x4.mul
                  (local.get $105)
                  (f32x4.splat
                   (f32.const 1.4426950216293335)
                  )
                 )
                )
               )
               (local.set $105
                (f32x4.sub
                 (local.get $105)
                 (f32x4.mul
                  (local.get $42)
                  (f32x4.splat
                   (f32.const 0.693359375)
                  )
                 )
                )
               )
               (local.set $105
                (f32x4.sub
                 (local.get $105)
                 (f32x4.mul
                  (local.get $42)
                  (f32x4.splat
                   (f32.const -2.1219444170128554e-04)
                  )
                 )
                )
               )
               (local.set $43
                (f32x4.mul
                 (local.get $105)
                 (local.get $105)
                )
               )
               (local.set $108
                (f32x4.relaxed_madd
                 (f32x4.relaxed_madd
                  (f32x4.relaxed_madd
                   (f32x4.relaxed_madd
                    (f32x4.relaxed_madd
                     (f32x4.relaxed_madd
                      (f32x4.splat
                       (f32.const 1.9875691214110702e-04)
                      )
                      (local.get $105)
                      (f32x4.splat
                       (f32.const 0.001398199936375022)
                      )
                     )
                     (local.get $105)
                     (f32x4.splat
                      (f32.const 0.008333452045917511)
                     )
                    )
                    (local.get $105)
                    (f32x4.splat
                     (f32.const 0.04166579619050026)
                    )
                   )
                   (local.get $105)
                   (f32x4.splat
                    (f32.const 0.1666666567325592)
                   )
                  )
                  (local.get $105)
                  (f32x4.splat
                   (f32.const 0.5)
                  )
                 )
                 (local.get $43)
                 (f32x4.add
                  (local.get $105)
                  (f32x4.splat
                   (f32.const 1)
                  )
                 )
                )
               )
               (local.set $42
                (i32x4.shl
                 (i32x4.add
                  (i32x4.trunc_sat_f32x4_s
                   (local.get $42)
                  )
                  (i32x4.splat
                   (i32.const 127)
                  )
                 )
                 (i32.const 23)
                )
               )
               (local.set $108
                (f32x4.mul
                 (local.get $108)
                 (local.get $42)
                )
               )
              )
              (v128.store
               (i32.add
                (local.get $118)
                (local.get $101)
               )
               (local.get $108)
              )
              (local.set $107
               (f32x4.add
                (local.get $107)
                (local.get $108)
               )
              )
              (local.set $101
               (i32.add
                (local.get $101)
                (i32.const 16)
               )
              )
              (br_if $loop45
               (i32.lt_s
                (local.get $101)
                (local.get $15)
               )
              )
             )
            )
            (local.set $107
             (f32x4.splat
              (f32.div
               (f32.const 1)
               (f32.add
                (f32.add
                 (f32x4.extract_lane 0
                  (local.get $107)
                 )
                 (f32x4.extract_lane 1
                  (local.get $107)
                 )
                )
                (f32.add
                 (f32x4.extract_lane 2
                  (local.get $107)
                 )
                 (f32x4.extract_lane 3
                  (local.get $107)
                 )
                )
               )
              )
             )
            )
            (block $done46
             (local.set $101
              (i32.const 0)
             )
             (br_if $done46
              (i32.ge_s
               (local.get $101)
               (local.get $15)
              )
             )
             (loop $loop47
              (v128.store
               (i32.add
                (local.get $118)
                (local.get $101)
               )
               (f32x4.mul
                (v128.load
                 (i32.add
                  (local.get $118)
                  (local.get $101)
                 )
                )
                (local.get $107)
               )
              )
              (local.set $101
               (i32.add
                (local.get $101)
                (i32.const 16)
               )
              )
              (br_if $loop47
               (i32.lt_s
                (local.get $101)
                (local.get $15)
               )
              )
             )
            )
            (local.set $117
             (i32.add
              (local.get $117)
              (i32.const 1)
             )
            )
            (br_if $loop49
             (i32.lt_s
              (local.get $117)
              (i32.const 1)
             )
            )
           )
          )
          (local.set $103
           (i32.add
            (i32.add
             (local.get $1)
             (i32.mul
              (local.get $8)
              (i32.const 32)
             )
            )
            (i32.mul
             (local.get $7)
             (i32.const 16)
            )
           )
          )
          (local.set $119
           (f32x4.splat
            (f32.const 0)
           )
          )
          (block $done50
           (local.set $101
            (i32.const 0)
           )
           (br_if $done50
            (i32.ge_s
             (local.get $101)
             (i32.mul
              (local.get $12)
              (i32.const 4)
             )
            )
           )
           (loop $loop51
            (local.set $102
             (i32.add
              (i32.add
               (local.get $0)
               (i32.mul
                (i32.load
                 (i32.add
                  (local.get $13)
                  (local.get $101)
                 )
                )
                (i32.const 96)
               )
              )
              (i32.add
               (i32.const 64)
               (i32.mul
                (local.get $7)
                (i32.const 16)
               )
              )
             )
            )
            (local.set $105
             (v128.load32_splat
              (i32.add
               (local.get $104)
               (local.get $101)
              )
             )
            )
            (local.set $119
             (f32x4.relaxed_madd
              (local.get $105)
              (v128.load
               (local.get $102)
              )
              (local.get $119)
             )
            )
            (local.set $101
             (i32.add
              (local.get $101)
              (i32.const 4)
             )
            )
            (br_if $loop51
             (i32.lt_s
              (local.get $101)
              (i32.mul
               (local.get $12)
               (i32.const 4)
              )
             )
            )
           )
          )
          (v128.store
           (local.get $103)
           (local.get $119)
          )
          (local.set $8
           (i32.add
            (local.get $8)
            (i32.const 1)
           )
          )
         )
        )
       )
      )
      (br $wl61)
     )
    )
    (local.set $7
     (i32.add
      (local.get $7)
      (i32.const 1)
     )
    )
    (br_if $loop63
     (i32.lt_s
      (local.get $7)
      (i32.const 2)
     )
    )
   )
  )
 )
 (func $mm_o (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 v128)
  (local $22 v128)
  (local $23 v128)
  (local $24 v128)
  (local $25 v128)
  (local $26 v128)
  (local $27 v128)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  (local $31 i32)
  (local $32 i32)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 v128)
  (local $37 v128)
  (local $38 v128)
  (local $39 v128)
  (local $40 v128)
  (local $41 v128)
  (local $42 v128)
  (local $43 v128)
  (local $44 v128)
  (local $45 v128)
  (local $46 v128)
  (local $47 v128)
  (local $48 v128)
  (local $49 v128)
  (local $50 i32)
  (local $51 i32)
  (local $52 i32)
  (local $53 i32)
  (local $54 i32)
  (local $55 v128)
  (local $56 v128)
  (local $57 v128)
  (local $58 v128)
  (local $59 v128)
  (local $60 v128)
  (local $61 v128)
  (local $62 v128)
  (local $63 v128)
  (local $64 v128)
  (local $65 v128)
  (local $66 i32)
  (local $67 i32)
  (local $68 i32)
  (local $69 i32)
  (local $70 i32)
  (local $71 v128)
  (local $72 v128)
  (local $73 v128)
  (local $74 v128)
  (local $75 v128)
  (local $76 v128)
  (local $77 v128)
  (local $78 v128)
  (local $79 v128)
  (local $80 i32)
  (local $81 i32)
  (local $82 i32)
  (local $83 i32)
  (local $84 i32)
  (local $85 v128)
  (local $86 v128)
  (local $87 v128)
  (local $88 v128)
  (local $89 v128)
  (local $90 v128)
  (local $91 v128)
  (local $92 i32)
  (local $93 i32)
  (local $94 i32)
  (local $95 i32)
  (local $96 i32)
  (local $97 v128)
  (local $98 v128)
  (local $99 v128)
  (local $100 v128)
  (local $101 v128)
  (local $102 i32)
  (local $103 i32)
  (local $104 i32)
  (local $105 i32)
  (local $106 i32)
  (local.set $12
   (i32.rem_u
    (i32.sub
     (local.get $5)
     (local.get $4)
    )
    (i32.const 4)
   )
  )
  (local.set $13
   (select
    (i32.const 2)
    (select
     (i32.const 4)
     (i32.const 1)
     (i32.eq
      (local.get $12)
      (i32.const 1)
     )
    )
    (i32.eq
     (local.get $12)
     (i32.const 2)
    )
   )
  )
  (local.set $14
   (if (result i32)
    (i32.gt_s
     (local.get $13)
     (i32.const 1)
    )
    (then
     (i32.add
      (local.get $6)
      (i32.mul
       (i32.div_u
        (i32.sub
         (local.get $7)
         (local.get $6)
        )
        (local.get $13)
       )
       (local.get $13)
      )
     )
    )
    (else
     (local.get $6)
    )
   )
  )
  (block $done8
   (local.set $8
    (local.get $6)
   )
   (br_if $done8
    (i32.ge_s
     (local.get $8)
     (local.get $7)
    )
   )
   (loop $loop9
    (local.set $10
     (i32.add
      (i32.add
       (i32.const 5184)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 256)
      )
     )
    )
    (local.set $11
     (i32.add
      (i32.add
       (i32.const 5440)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 32)
      )
     )
    )
    (if
     (i32.and
      (i32.lt_s
       (local.get $8)
       (local.get $14)
      )
      (i32.eqz
       (i32.rem_u
        (i32.sub
         (local.get $8)
         (local.get $6)
        )
        (local.get $13)
       )
      )
     )
     (then
      (local.set $9
       (i32.sub
        (local.get $5)
        (local.get $12)
       )
      )
      (if
       (i32.eq
        (local.get $12)
        (i32.const 1)
       )
       (then
        (local.set $33
         (v128.load
          (local.get $11)
         )
        )
        (local.set $34
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $35
         (v128.load offset=32
          (local.get $11)
         )
        )
        (local.set $36
         (v128.load offset=48
          (local.get $11)
         )
        )
        (local.set $37
         (v128.load offset=64
          (local.get $11)
         )
        )
        (local.set $38
         (v128.load offset=80
          (local.get $11)
         )
        )
        (local.set $39
         (v128.load offset=96
          (local.get $11)
         )
        )
        (local.set $40
         (v128.load offset=112
          (local.get $11)
         )
        )
        (local.set $50
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $52
         (i32.add
          (local.get $50)
          (i32.const 32)
         )
        )
        (local.set $51
         (local.get $10)
        )
        (loop $k1
         (local.set $41
          (v128.load
           (local.get $51)
          )
         )
         (local.set $42
          (v128.load offset=16
           (local.get $51)
          )
         )
         (local.set $43
          (v128.load offset=256
           (local.get $51)
          )
         )
         (local.set $44
          (v128.load offset=272
           (local.get $51)
          )
         )
         (local.set $45
          (v128.load offset=512
           (local.get $51)
          )
         )
         (local.set $46
          (v128.load offset=528
           (local.get $51)
          )
         )
         (local.set $47
          (v128.load offset=768
           (local.get $51)
          )
         )
         (local.set $48
          (v128.load offset=784
           (local.get $51)
          )
         )
         (local.set $49
          (v128.load32_splat
           (local.get $50)
          )
         )
         (local.set $33
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $41)
           (local.get $33)
          )
         )
         (local.set $34
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $42)
           (local.get $34)
          )
         )
         (local.set $35
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $43)
           (local.get $35)
          )
         )
         (local.set $36
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $44)
           (local.get $36)
          )
         )
         (local.set $37
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $45)
           (local.get $37)
          )
         )
         (local.set $38
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $46)
           (local.get $38)
          )
         )
         (local.set $39
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $47)
           (local.get $39)
          )
         )
         (local.set $40
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $48)
           (local.get $40)
          )
         )
         (local.set $51
          (i32.add
           (local.get $51)
           (i32.const 32)
          )
         )
         (local.set $50
          (i32.add
           (local.get $50)
           (i32.const 4)
          )
         )
         (br_if $k1
          (i32.lt_u
           (local.get $50)
           (local.get $52)
          )
         )
        )
        (local.set $53
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $54
         (i32.add
          (i32.add
           (local.get $3)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $33
         (f32x4.add
          (local.get $33)
          (v128.load
           (local.get $54)
          )
         )
        )
        (v128.store
         (local.get $53)
         (local.get $33)
        )
        (local.set $34
         (f32x4.add
          (local.get $34)
          (v128.load offset=16
           (local.get $54)
          )
         )
        )
        (v128.store offset=16
         (local.get $53)
         (local.get $34)
        )
        (local.set $35
         (f32x4.add
          (local.get $35)
          (v128.load offset=32
           (local.get $54)
          )
         )
        )
        (v128.store offset=32
         (local.get $53)
         (local.get $35)
        )
        (local.set $36
         (f32x4.add
          (local.get $36)
          (v128.load offset=48
           (local.get $54)
          )
         )
        )
        (v128.store offset=48
         (local.get $53)
         (local.get $36)
        )
        (local.set $37
         (f32x4.add
          (local.get $37)
          (v128.load offset=64
           (local.get $54)
          )
         )
        )
        (v128.store offset=64
         (local.get $53)
         (local.get $37)
        )
        (local.set $38
         (f32x4.add
          (local.get $38)
          (v128.load offset=80
           (local.get $54)
          )
         )
        )
        (v128.store offset=80
         (local.get $53)
         (local.get $38)
        )
        (local.set $39
         (f32x4.add
          (local.get $39)
          (v128.load offset=96
           (local.get $54)
          )
         )
        )
        (v128.store offset=96
         (local.get $53)
         (local.get $39)
        )
        (local.set $40
         (f32x4.add
          (local.get $40)
          (v128.load offset=112
           (local.get $54)
          )
         )
        )
        (v128.store offset=112
         (local.get $53)
         (local.get $40)
        )
       )
       (else
        (if
         (i32.eq
          (local.get $12)
          (i32.const 2)
         )
         (then
          (local.set $15
           (v128.load
            (local.get $11)
           )
          )
          (local.set $16
           (v128.load offset=16
            (local.get $11)
           )
          )
          (local.set $17
           (v128.load offset=32
            (local.get $11)
           )
          )
          (local.set $18
           (v128.load offset=48
            (local.get $11)
           )
          )
          (local.set $19
           (v128.load
            (local.get $11)
           )
          )
          (local.set $20
           (v128.load offset=16
            (local.get $11)
           )
          )
          (local.set $21
           (v128.load offset=32
            (local.get $11)
           )
          )
          (local.set $22
           (v128.load offset=48
            (local.get $11)
           )
          )
          (local.set $28
           (i32.add
            (local.get $1)
            (i32.mul
             (local.get $9)
             (i32.const 32)
            )
           )
          )
          (local.set $30
           (i32.add
            (local.get $28)
            (i32.const 32)
           )
          )
          (local.set $29
           (local.get $10)
          )
          (loop $k0
           (local.set $23
            (v128.load
             (local.get $29)
            )
           )
           (local.set $24
            (v128.load offset=16
             (local.get $29)
            )
           )
           (local.set $25
            (v128.load offset=256
             (local.get $29)
            )
           )
           (local.set $26
            (v128.load offset=272
             (local.get $29)
            )
           )
           (local.set $27
            (v128.load32_splat
             (local.get $28)
            )
           )
           (local.set $15
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $23)
             (local.get $15)
            )
           )
           (local.set $16
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $24)
             (local.get $16)
            )
           )
           (local.set $17
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $25)
             (local.get $17)
            )
           )
           (local.set $18
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $26)
             (local.get $18)
            )
           )
           (local.set $27
            (v128.load32_splat offset=32
             (local.get $28)
            )
           )
           (local.set $19
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $23)
             (local.get $19)
            )
           )
           (local.set $20
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $24)
             (local.get $20)
            )
           )
           (local.set $21
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $25)
             (local.get $21)
            )
           )
           (local.set $22
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $26)
             (local.get $22)
            )
           )
           (local.set $29
            (i32.add
             (local.get $29)
             (i32.const 32)
            )
           )
           (local.set $28
            (i32.add
             (local.get $28)
             (i32.const 4)
            )
           )
           (br_if $k0
            (i32.lt_u
             (local.get $28)
             (local.get $30)
            )
           )
          )
          (local.set $31
           (i32.add
            (i32.add
             (local.get $2)
             (i32.mul
              (local.get $9)
              (i32.const 32)
             )
            )
            (i32.mul
             (local.get $8)
             (i32.const 32)
            )
           )
          )
          (local.set $32
           (i32.add
            (i32.add
             (local.get $3)
             (i32.mul
              (local.get $9)
              (i32.const 32)
             )
            )
            (i32.mul
             (local.get $8)
             (i32.const 32)
            )
           )
          )
          (local.set $15
           (f32x4.add
            (local.get $15)
            (v128.load
             (local.get $32)
            )
           )
          )
          (v128.store
           (local.get $31)
           (local.get $15)
          )
          (local.set $16
           (f32x4.add
            (local.get $16)
            (v128.load offset=16
             (local.get $32)
            )
           )
          )
          (v128.store offset=16
           (local.get $31)
           (local.get $16)
          )
          (local.set $17
           (f32x4.add
            (local.get $17)
            (v128.load offset=32
             (local.get $32)
            )
           )
          )
          (v128.store offset=32
           (local.get $31)
           (local.get $17)
          )
          (local.set $18
           (f32x4.add
            (local.get $18)
            (v128.load offset=48
             (local.get $32)
            )
           )
          )
          (v128.store offset=48
           (local.get $31)
           (local.get $18)
          )
          (local.set $19
           (f32x4.add
            (local.get $19)
            (v128.load offset=32
             (local.get $32)
            )
           )
          )
          (v128.store offset=32
           (local.get $31)
           (local.get $19)
          )
          (local.set $20
           (f32x4.add
            (local.get $20)
            (v128.load offset=48
             (local.get $32)
            )
           )
          )
          (v128.store offset=48
           (local.get $31)
           (local.get $20)
          )
          (local.set $21
           (f32x4.add
            (local.get $21)
            (v128.load offset=64
             (local.get $32)
            )
           )
          )
          (v128.store offset=64
           (local.get $31)
           (local.get $21)
          )
          (local.set $22
           (f32x4.add
            (local.get $22)
            (v128.load offset=80
             (local.get $32)
            )
           )
          )
          (v128.store offset=80
           (local.get $31)
           (local.get $22)
          )
         )
         (else
          (nop)
         )
        )
       )
      )
     )
    )
    (block $done3
     (local.set $9
      (local.get $4)
     )
     (br_if $done3
      (i32.ge_s
       (local.get $9)
       (i32.add
        (i32.const -3)
        (local.get $5)
       )
      )
     )
     (loop $loop4
      (block
       (local.set $55
        (v128.load
         (local.get $11)
        )
       )
       (local.set $56
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $57
        (v128.load
         (local.get $11)
        )
       )
       (local.set $58
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $59
        (v128.load
         (local.get $11)
        )
       )
       (local.set $60
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $61
        (v128.load
         (local.get $11)
        )
       )
       (local.set $62
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $66
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $68
        (i32.add
         (local.get $66)
         (i32.const 32)
        )
       )
       (local.set $67
        (local.get $10)
       )
       (loop $k2
        (local.set $63
         (v128.load
          (local.get $67)
         )
        )
        (local.set $64
         (v128.load offset=16
          (local.get $67)
         )
        )
        (local.set $65
         (v128.load32_splat
          (local.get $66)
         )
        )
        (local.set $55
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $55)
         )
        )
        (local.set $56
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $56)
         )
        )
        (local.set $65
         (v128.load32_splat offset=32
          (local.get $66)
         )
        )
        (local.set $57
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $57)
         )
        )
        (local.set $58
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $58)
         )
        )
        (local.set $65
         (v128.load32_splat offset=64
          (local.get $66)
         )
        )
        (local.set $59
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $59)
         )
        )
        (local.set $60
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $60)
         )
        )
        (local.set $65
         (v128.load32_splat offset=96
          (local.get $66)
         )
        )
        (local.set $61
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $61)
         )
        )
        (local.set $62
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $62)
         )
        )
        (local.set $67
         (i32.add
          (local.get $67)
          (i32.const 32)
         )
        )
        (local.set $66
         (i32.add
          (local.get $66)
          (i32.const 4)
         )
        )
        (br_if $k2
         (i32.lt_u
          (local.get $66)
          (local.get $68)
         )
        )
       )
       (local.set $69
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $70
        (i32.add
         (i32.add
          (local.get $3)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $55
        (f32x4.add
         (local.get $55)
         (v128.load
          (local.get $70)
         )
        )
       )
       (v128.store
        (local.get $69)
        (local.get $55)
       )
       (local.set $56
        (f32x4.add
         (local.get $56)
         (v128.load offset=16
          (local.get $70)
         )
        )
       )
       (v128.store offset=16
        (local.get $69)
        (local.get $56)
       )
       (local.set $57
        (f32x4.add
         (local.get $57)
         (v128.load offset=32
          (local.get $70)
         )
        )
       )
       (v128.store offset=32
        (local.get $69)
        (local.get $57)
       )
       (local.set $58
        (f32x4.add
         (local.get $58)
         (v128.load offset=48
          (local.get $70)
         )
        )
       )
       (v128.store offset=48
        (local.get $69)
        (local.get $58)
       )
       (local.set $59
        (f32x4.add
         (local.get $59)
         (v128.load offset=64
          (local.get $70)
         )
        )
       )
       (v128.store offset=64
        (local.get $69)
        (local.get $59)
       )
       (local.set $60
        (f32x4.add
         (local.get $60)
         (v128.load offset=80
          (local.get $70)
         )
        )
       )
       (v128.store offset=80
        (local.get $69)
        (local.get $60)
       )
       (local.set $61
        (f32x4.add
         (local.get $61)
         (v128.load offset=96
          (local.get $70)
         )
        )
       )
       (v128.store offset=96
        (local.get $69)
        (local.get $61)
       )
       (local.set $62
        (f32x4.add
         (local.get $62)
         (v128.load offset=112
          (local.get $70)
         )
        )
       )
       (v128.store offset=112
        (local.get $69)
        (local.get $62)
       )
      )
      (local.set $9
       (i32.add
        (local.get $9)
        (i32.const 4)
       )
      )
      (br_if $loop4
       (i32.lt_s
        (local.get $9)
        (i32.add
         (i32.const -3)
         (local.get $5)
        )
       )
      )
     )
    )
    (if
     (i32.ge_s
      (local.get $8)
      (local.get $14)
     )
     (then
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 3)
       )
       (then
        (local.set $71
         (v128.load
          (local.get $11)
         )
        )
        (local.set $72
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $73
         (v128.load
          (local.get $11)
         )
        )
        (local.set $74
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $75
         (v128.load
          (local.get $11)
         )
        )
        (local.set $76
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $80
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $82
         (i32.add
          (local.get $80)
          (i32.const 32)
         )
        )
        (local.set $81
         (local.get $10)
        )
        (loop $k5
         (local.set $77
          (v128.load
           (local.get $81)
          )
         )
         (local.set $78
          (v128.load offset=16
           (local.get $81)
          )
         )
         (local.set $79
          (v128.load32_splat
           (local.get $80)
          )
         )
         (local.set $71
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $71)
          )
         )
         (local.set $72
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $72)
          )
         )
         (local.set $79
          (v128.load32_splat offset=32
           (local.get $80)
          )
         )
         (local.set $73
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $73)
          )
         )
         (local.set $74
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $74)
          )
         )
         (local.set $79
          (v128.load32_splat offset=64
           (local.get $80)
          )
         )
         (local.set $75
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $75)
          )
         )
         (local.set $76
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $76)
          )
         )
         (local.set $81
          (i32.add
           (local.get $81)
           (i32.const 32)
          )
         )
         (local.set $80
          (i32.add
           (local.get $80)
           (i32.const 4)
          )
         )
         (br_if $k5
          (i32.lt_u
           (local.get $80)
           (local.get $82)
          )
         )
        )
        (local.set $83
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $84
         (i32.add
          (i32.add
           (local.get $3)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $71
         (f32x4.add
          (local.get $71)
          (v128.load
           (local.get $84)
          )
         )
        )
        (v128.store
         (local.get $83)
         (local.get $71)
        )
        (local.set $72
         (f32x4.add
          (local.get $72)
          (v128.load offset=16
           (local.get $84)
          )
         )
        )
        (v128.store offset=16
         (local.get $83)
         (local.get $72)
        )
        (local.set $73
         (f32x4.add
          (local.get $73)
          (v128.load offset=32
           (local.get $84)
          )
         )
        )
        (v128.store offset=32
         (local.get $83)
         (local.get $73)
        )
        (local.set $74
         (f32x4.add
          (local.get $74)
          (v128.load offset=48
           (local.get $84)
          )
         )
        )
        (v128.store offset=48
         (local.get $83)
         (local.get $74)
        )
        (local.set $75
         (f32x4.add
          (local.get $75)
          (v128.load offset=64
           (local.get $84)
          )
         )
        )
        (v128.store offset=64
         (local.get $83)
         (local.get $75)
        )
        (local.set $76
         (f32x4.add
          (local.get $76)
          (v128.load offset=80
           (local.get $84)
          )
         )
        )
        (v128.store offset=80
         (local.get $83)
         (local.get $76)
        )
       )
      )
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 2)
       )
       (then
        (local.set $85
         (v128.load
          (local.get $11)
         )
        )
        (local.set $86
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $87
         (v128.load
          (local.get $11)
         )
        )
        (local.set $88
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $92
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $94
         (i32.add
          (local.get $92)
          (i32.const 32)
         )
        )
        (local.set $93
         (local.get $10)
        )
        (loop $k6
         (local.set $89
          (v128.load
           (local.get $93)
          )
         )
         (local.set $90
          (v128.load offset=16
           (local.get $93)
          )
         )
         (local.set $91
          (v128.load32_splat
           (local.get $92)
          )
         )
         (local.set $85
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $89)
           (local.get $85)
          )
         )
         (local.set $86
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $90)
           (local.get $86)
          )
         )
         (local.set $91
          (v128.load32_splat offset=32
           (local.get $92)
          )
         )
         (local.set $87
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $89)
           (local.get $87)
          )
         )
         (local.set $88
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $90)
           (local.get $88)
          )
         )
         (local.set $93
          (i32.add
           (local.get $93)
           (i32.const 32)
          )
         )
         (local.set $92
          (i32.add
           (local.get $92)
           (i32.const 4)
          )
         )
         (br_if $k6
          (i32.lt_u
           (local.get $92)
           (local.get $94)
          )
         )
        )
        (local.set $95
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $96
         (i32.add
          (i32.add
           (local.get $3)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $85
         (f32x4.add
          (local.get $85)
          (v128.load
           (local.get $96)
          )
         )
        )
        (v128.store
         (local.get $95)
         (local.get $85)
        )
        (local.set $86
         (f32x4.add
          (local.get $86)
          (v128.load offset=16
           (local.get $96)
          )
         )
        )
        (v128.store offset=16
         (local.get $95)
         (local.get $86)
        )
        (local.set $87
         (f32x4.add
          (local.get $87)
          (v128.load offset=32
           (local.get $96)
          )
         )
        )
        (v128.store offset=32
         (local.get $95)
         (local.get $87)
        )
        (local.set $88
         (f32x4.add
          (local.get $88)
          (v128.load offset=48
           (local.get $96)
          )
         )
        )
        (v128.store offset=48
         (local.get $95)
         (local.get $88)
        )
       )
      )
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 1)
       )
       (then
        (local.set $97
         (v128.load
          (local.get $11)
         )
        )
        (local.set $98
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $102
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $104
         (i32.add
          (local.get $102)
          (i32.const 32)
         )
        )
        (local.set $103
         (local.get $10)
        )
        (loop $k7
         (local.set $99
          (v128.load
           (local.get $103)
          )
         )
         (local.set $100
          (v128.load offset=16
           (local.get $103)
          )
         )
         (local.set $101
          (v128.load32_splat
           (local.get $102)
          )
         )
         (local.set $97
          (f32x4.relaxed_madd
           (local.get $101)
           (local.get $99)
           (local.get $97)
          )
         )
         (local.set $98
          (f32x4.relaxed_madd
           (local.get $101)
           (local.get $100)
           (local.get $98)
          )
         )
         (local.set $103
          (i32.add
           (local.get $103)
           (i32.const 32)
          )
         )
         (local.set $102
          (i32.add
           (local.get $102)
           (i32.const 4)
          )
         )
         (br_if $k7
          (i32.lt_u
           (local.get $102)
           (local.get $104)
          )
         )
        )
        (local.set $105
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $106
         (i32.add
          (i32.add
           (local.get $3)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $97
         (f32x4.add
          (local.get $97)
          (v128.load
           (local.get $106)
          )
         )
        )
        (v128.store
         (local.get $105)
         (local.get $97)
        )
        (local.set $98
         (f32x4.add
          (local.get $98)
          (v128.load offset=16
           (local.get $106)
          )
         )
        )
        (v128.store offset=16
         (local.get $105)
         (local.get $98)
        )
       )
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $8)
      (i32.const 1)
     )
    )
    (br_if $loop9
     (i32.lt_s
      (local.get $8)
      (local.get $7)
     )
    )
   )
  )
 )
 (func $ln1 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local.set $9
   (i32.add
    (i32.const 5504)
    (i32.mul
     (local.get $0)
     (i32.const 2624)
    )
   )
  )
  (local.set $10
   (i32.add
    (i32.const 5568)
    (i32.mul
     (local.get $0)
     (i32.const 2624)
    )
   )
  )
  (block $done6
   (local.set $5
    (local.get $3)
   )
   (br_if $done6
    (i32.ge_s
     (local.get $5)
     (local.get $4)
    )
   )
   (loop $loop7
    (local.set $7
     (i32.add
      (local.get $1)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $2)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done0
     (local.set $6
      (i32.const 0)
     )
     (br_if $done0
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop1
      (local.set $11
       (f32x4.add
        (local.get $11)
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop1
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $13
     (f32x4.splat
      (f32.div
       (f32.add
        (f32.add
         (f32x4.extract_lane 0
          (local.get $11)
         )
         (f32x4.extract_lane 1
          (local.get $11)
         )
        )
        (f32.add
         (f32x4.extract_lane 2
          (local.get $11)
         )
         (f32x4.extract_lane 3
          (local.get $11)
         )
        )
       )
       (f32.const 8)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done2
     (local.set $6
      (i32.const 0)
     )
     (br_if $done2
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop3
      (local.set $12
       (f32x4.sub
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
        (local.get $13)
       )
      )
      (local.set $11
       (f32x4.relaxed_madd
        (local.get $12)
        (local.get $12)
        (local.get $11)
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop3
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $14
     (f32x4.splat
      (f32.div
       (f32.const 1)
       (f32.sqrt
        (f32.add
         (f32.div
          (f32.add
           (f32.add
            (f32x4.extract_lane 0
             (local.get $11)
            )
            (f32x4.extract_lane 1
             (local.get $11)
            )
           )
           (f32.add
            (f32x4.extract_lane 2
             (local.get $11)
            )
            (f32x4.extract_lane 3
             (local.get $11)
            )
           )
          )
          (f32.const 8)
         )
         (f32.const 9.999999960041972e-13)
        )
       )
      )
     )
    )
    (block $done4
     (local.set $6
      (i32.const 0)
     )
     (br_if $done4
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop5
      (local.set $12
       (f32x4.mul
        (f32x4.sub
         (v128.load
          (i32.add
           (local.get $7)
           (local.get $6)
          )
         )
         (local.get $13)
        )
        (local.get $14)
       )
      )
      (v128.store
       (i32.add
        (local.get $8)
        (local.get $6)
       )
       (f32x4.relaxed_madd
        (local.get $12)
        (v128.load
         (i32.add
          (local.get $9)
          (local.get $6)
         )
        )
        (v128.load
         (i32.add
          (local.get $10)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop5
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $5
     (i32.add
      (local.get $5)
      (i32.const 1)
     )
    )
    (br_if $loop7
     (i32.lt_s
      (local.get $5)
      (local.get $4)
     )
    )
   )
  )
 )
 (func $mm_f1 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 v128)
  (local $22 v128)
  (local $23 v128)
  (local $24 v128)
  (local $25 v128)
  (local $26 v128)
  (local $27 v128)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  (local $31 i32)
  (local $32 i32)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 v128)
  (local $37 v128)
  (local $38 v128)
  (local $39 v128)
  (local $40 v128)
  (local $41 v128)
  (local $42 v128)
  (local $43 v128)
  (local $44 v128)
  (local $45 v128)
  (local $46 v128)
  (local $47 v128)
  (local $48 v128)
  (local $49 v128)
  (local $50 i32)
  (local $51 i32)
  (local $52 i32)
  (local $53 i32)
  (local $54 i32)
  (local $55 v128)
  (local $56 v128)
  (local $57 v128)
  (local $58 v128)
  (local $59 v128)
  (local $60 v128)
  (local $61 v128)
  (local $62 v128)
  (local $63 v128)
  (local $64 v128)
  (local $65 v128)
  (local $66 i32)
  (local $67 i32)
  (local $68 i32)
  (local $69 i32)
  (local $70 i32)
  (local $71 v128)
  (local $72 v128)
  (local $73 v128)
  (local $74 v128)
  (local $75 v128)
  (local $76 v128)
  (local $77 v128)
  (local $78 v128)
  (local $79 v128)
  (local $80 i32)
  (local $81 i32)
  (local $82 i32)
  (local $83 i32)
  (local $84 i32)
  (local $85 v128)
  (local $86 v128)
  (local $87 v128)
  (local $88 v128)
  (local $89 v128)
  (local $90 v128)
  (local $91 v128)
  (local $92 i32)
  (local $93 i32)
  (local $94 i32)
  (local $95 i32)
  (local $96 i32)
  (local $97 v128)
  (local $98 v128)
  (local $99 v128)
  (local $100 v128)
  (local $101 v128)
  (local $102 i32)
  (local $103 i32)
  (local $104 i32)
  (local $105 i32)
  (local $106 i32)
  (local $107 i32)
  (local $108 i32)
  (local $109 i32)
  (local $110 v128)
  (local $111 v128)
  (local $112 v128)
  (local $113 v128)
  (local.set $12
   (i32.rem_u
    (i32.sub
     (local.get $5)
     (local.get $4)
    )
    (i32.const 4)
   )
  )
  (local.set $13
   (select
    (i32.const 2)
    (select
     (i32.const 4)
     (i32.const 1)
     (i32.eq
      (local.get $12)
      (i32.const 1)
     )
    )
    (i32.eq
     (local.get $12)
     (i32.const 2)
    )
   )
  )
  (local.set $14
   (if (result i32)
    (i32.gt_s
     (local.get $13)
     (i32.const 1)
    )
    (then
     (i32.add
      (local.get $6)
      (i32.mul
       (i32.div_u
        (i32.sub
         (local.get $7)
         (local.get $6)
        )
        (local.get $13)
       )
       (local.get $13)
      )
     )
    )
    (else
     (local.get $6)
    )
   )
  )
  (block $done12
   (local.set $8
    (local.get $6)
   )
   (br_if $done12
    (i32.ge_s
     (local.get $8)
     (local.get $7)
    )
   )
   (loop $loop13
    (local.set $10
     (i32.add
      (i32.add
       (i32.const 5632)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 256)
      )
     )
    )
    (local.set $11
     (i32.add
      (i32.add
       (i32.const 6144)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 32)
      )
     )
    )
    (if
     (i32.and
      (i32.lt_s
       (local.get $8)
       (local.get $14)
      )
      (i32.eqz
       (i32.rem_u
        (i32.sub
         (local.get $8)
         (local.get $6)
        )
        (local.get $13)
       )
      )
     )
     (then
      (local.set $9
       (i32.sub
        (local.get $5)
        (local.get $12)
       )
      )
      (if
       (i32.eq
        (local.get $12)
        (i32.const 1)
       )
       (then
        (local.set $33
         (v128.load
          (local.get $11)
         )
        )
        (local.set $34
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $35
         (v128.load offset=32
          (local.get $11)
         )
        )
        (local.set $36
         (v128.load offset=48
          (local.get $11)
         )
        )
        (local.set $37
         (v128.load offset=64
          (local.get $11)
         )
        )
        (local.set $38
         (v128.load offset=80
          (local.get $11)
         )
        )
        (local.set $39
         (v128.load offset=96
          (local.get $11)
         )
        )
        (local.set $40
         (v128.load offset=112
          (local.get $11)
         )
        )
        (local.set $50
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $52
         (i32.add
          (local.get $50)
          (i32.const 32)
         )
        )
        (local.set $51
         (local.get $10)
        )
        (loop $k1
         (local.set $41
          (v128.load
           (local.get $51)
          )
         )
         (local.set $42
          (v128.load offset=16
           (local.get $51)
          )
         )
         (local.set $43
          (v128.load offset=256
           (local.get $51)
          )
         )
         (local.set $44
          (v128.load offset=272
           (local.get $51)
          )
         )
         (local.set $45
          (v128.load offset=512
           (local.get $51)
          )
         )
         (local.set $46
          (v128.load offset=528
           (local.get $51)
          )
         )
         (local.set $47
          (v128.load offset=768
           (local.get $51)
          )
         )
         (local.set $48
          (v128.load offset=784
           (local.get $51)
          )
         )
         (local.set $49
          (v128.load32_splat
           (local.get $50)
          )
         )
         (local.set $33
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $41)
           (local.get $33)
          )
         )
         (local.set $34
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $42)
           (local.get $34)
          )
         )
         (local.set $35
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $43)
           (local.get $35)
          )
         )
         (local.set $36
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $44)
           (local.get $36)
          )
         )
         (local.set $37
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $45)
           (local.get $37)
          )
         )
         (local.set $38
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $46)
           (local.get $38)
          )
         )
         (local.set $39
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $47)
           (local.get $39)
          )
         )
         (local.set $40
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $48)
           (local.get $40)
          )
         )
         (local.set $51
          (i32.add
           (local.get $51)
           (i32.const 32)
          )
         )
         (local.set $50
          (i32.add
           (local.get $50)
           (i32.const 4)
          )
         )
         (br_if $k1
          (i32.lt_u
           (local.get $50)
           (local.get $52)
          )
         )
        )
        (local.set $53
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 64)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $53)
         (local.get $33)
        )
        (v128.store offset=16
         (local.get $53)
         (local.get $34)
        )
        (v128.store offset=32
         (local.get $53)
         (local.get $35)
        )
        (v128.store offset=48
         (local.get $53)
         (local.get $36)
        )
        (v128.store offset=64
         (local.get $53)
         (local.get $37)
        )
        (v128.store offset=80
         (local.get $53)
         (local.get $38)
        )
        (v128.store offset=96
         (local.get $53)
         (local.get $39)
        )
        (v128.store offset=112
         (local.get $53)
         (local.get $40)
        )
       )
       (else
        (if
         (i32.eq
          (local.get $12)
          (i32.const 2)
         )
         (then
          (local.set $15
           (v128.load
            (local.get $11)
           )
          )
          (local.set $16
           (v128.load offset=16
            (local.get $11)
           )
          )
          (local.set $17
           (v128.load offset=32
            (local.get $11)
           )
          )
          (local.set $18
           (v128.load offset=48
            (local.get $11)
           )
          )
          (local.set $19
           (v128.load
            (local.get $11)
           )
          )
          (local.set $20
           (v128.load offset=16
            (local.get $11)
           )
          )
          (local.set $21
           (v128.load offset=32
            (local.get $11)
           )
          )
          (local.set $22
           (v128.load offset=48
            (local.get $11)
           )
          )
          (local.set $28
           (i32.add
            (local.get $1)
            (i32.mul
             (local.get $9)
             (i32.const 32)
            )
           )
          )
          (local.set $30
           (i32.add
            (local.get $28)
            (i32.const 32)
           )
          )
          (local.set $29
           (local.get $10)
          )
          (loop $k0
           (local.set $23
            (v128.load
             (local.get $29)
            )
           )
           (local.set $24
            (v128.load offset=16
             (local.get $29)
            )
           )
           (local.set $25
            (v128.load offset=256
             (local.get $29)
            )
           )
           (local.set $26
            (v128.load offset=272
             (local.get $29)
            )
           )
           (local.set $27
            (v128.load32_splat
             (local.get $28)
            )
           )
           (local.set $15
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $23)
             (local.get $15)
            )
           )
           (local.set $16
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $24)
             (local.get $16)
            )
           )
           (local.set $17
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $25)
             (local.get $17)
            )
           )
           (local.set $18
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $26)
             (local.get $18)
            )
           )
           (local.set $27
            (v128.load32_splat offset=32
             (local.get $28)
            )
           )
           (local.set $19
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $23)
             (local.get $19)
            )
           )
           (local.set $20
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $24)
             (local.get $20)
            )
           )
           (local.set $21
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $25)
             (local.get $21)
            )
           )
           (local.set $22
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $26)
             (local.get $22)
            )
           )
           (local.set $29
            (i32.add
             (local.get $29)
             (i32.const 32)
            )
           )
           (local.set $28
            (i32.add
             (local.get $28)
             (i32.const 4)
            )
           )
           (br_if $k0
            (i32.lt_u
             (local.get $28)
             (local.get $30)
            )
           )
          )
          (local.set $31
           (i32.add
            (i32.add
             (local.get $2)
             (i32.mul
              (local.get $9)
              (i32.const 64)
             )
            )
            (i32.mul
             (local.get $8)
             (i32.const 32)
            )
           )
          )
          (v128.store
           (local.get $31)
           (local.get $15)
          )
          (v128.store offset=16
           (local.get $31)
           (local.get $16)
          )
          (v128.store offset=32
           (local.get $31)
           (local.get $17)
          )
          (v128.store offset=48
           (local.get $31)
           (local.get $18)
          )
          (v128.store offset=64
           (local.get $31)
           (local.get $19)
          )
          (v128.store offset=80
           (local.get $31)
           (local.get $20)
          )
          (v128.store offset=96
           (local.get $31)
           (local.get $21)
          )
          (v128.store offset=112
           (local.get $31)
           (local.get $22)
          )
         )
         (else
          (nop)
         )
        )
       )
      )
     )
    )
    (block $done3
     (local.set $9
      (local.get $4)
     )
     (br_if $done3
      (i32.ge_s
       (local.get $9)
       (i32.add
        (i32.const -3)
        (local.get $5)
       )
      )
     )
     (loop $loop4
      (block
       (local.set $55
        (v128.load
         (local.get $11)
        )
       )
       (local.set $56
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $57
        (v128.load
         (local.get $11)
        )
       )
       (local.set $58
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $59
        (v128.load
         (local.get $11)
        )
       )
       (local.set $60
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $61
        (v128.load
         (local.get $11)
        )
       )
       (local.set $62
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $66
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $68
        (i32.add
         (local.get $66)
         (i32.const 32)
        )
       )
       (local.set $67
        (local.get $10)
       )
       (loop $k2
        (local.set $63
         (v128.load
          (local.get $67)
         )
        )
        (local.set $64
         (v128.load offset=16
          (local.get $67)
         )
        )
        (local.set $65
         (v128.load32_splat
          (local.get $66)
         )
        )
        (local.set $55
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $55)
         )
        )
        (local.set $56
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $56)
         )
        )
        (local.set $65
         (v128.load32_splat offset=32
          (local.get $66)
         )
        )
        (local.set $57
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $57)
         )
        )
        (local.set $58
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $58)
         )
        )
        (local.set $65
         (v128.load32_splat offset=64
          (local.get $66)
         )
        )
        (local.set $59
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $59)
         )
        )
        (local.set $60
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $60)
         )
        )
        (local.set $65
         (v128.load32_splat offset=96
          (local.get $66)
         )
        )
        (local.set $61
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $61)
         )
        )
        (local.set $62
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $62)
         )
        )
        (local.set $67
         (i32.add
          (local.get $67)
          (i32.const 32)
         )
        )
        (local.set $66
         (i32.add
          (local.get $66)
          (i32.const 4)
         )
        )
        (br_if $k2
         (i32.lt_u
          (local.get $66)
          (local.get $68)
         )
        )
       )
       (local.set $69
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 64)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (v128.store
        (local.get $69)
        (local.get $55)
       )
       (v128.store offset=16
        (local.get $69)
        (local.get $56)
       )
       (v128.store offset=64
        (local.get $69)
        (local.get $57)
       )
       (v128.store offset=80
        (local.get $69)
        (local.get $58)
       )
       (v128.store offset=128
        (local.get $69)
        (local.get $59)
       )
       (v128.store offset=144
        (local.get $69)
        (local.get $60)
       )
       (v128.store offset=192
        (local.get $69)
        (local.get $61)
       )
       (v128.store offset=208
        (local.get $69)
        (local.get $62)
       )
      )
      (local.set $9
       (i32.add
        (local.get $9)
        (i32.const 4)
       )
      )
      (br_if $loop4
       (i32.lt_s
        (local.get $9)
        (i32.add
         (i32.const -3)
         (local.get $5)
        )
       )
      )
     )
    )
    (if
     (i32.ge_s
      (local.get $8)
      (local.get $14)
     )
     (then
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 3)
       )
       (then
        (local.set $71
         (v128.load
          (local.get $11)
         )
        )
        (local.set $72
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $73
         (v128.load
          (local.get $11)
         )
        )
        (local.set $74
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $75
         (v128.load
          (local.get $11)
         )
        )
        (local.set $76
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $80
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $82
         (i32.add
          (local.get $80)
          (i32.const 32)
         )
        )
        (local.set $81
         (local.get $10)
        )
        (loop $k5
         (local.set $77
          (v128.load
           (local.get $81)
          )
         )
         (local.set $78
          (v128.load offset=16
           (local.get $81)
          )
         )
         (local.set $79
          (v128.load32_splat
           (local.get $80)
          )
         )
         (local.set $71
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $71)
          )
         )
         (local.set $72
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $72)
          )
         )
         (local.set $79
          (v128.load32_splat offset=32
           (local.get $80)
          )
         )
         (local.set $73
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $73)
          )
         )
         (local.set $74
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $74)
          )
         )
         (local.set $79
          (v128.load32_splat offset=64
           (local.get $80)
          )
         )
         (local.set $75
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $75)
          )
         )
         (local.set $76
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $76)
          )
         )
         (local.set $81
          (i32.add
           (local.get $81)
           (i32.const 32)
          )
         )
         (local.set $80
          (i32.add
           (local.get $80)
           (i32.const 4)
          )
         )
         (br_if $k5
          (i32.lt_u
           (local.get $80)
           (local.get $82)
          )
         )
        )
        (local.set $83
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 64)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $83)
         (local.get $71)
        )
        (v128.store offset=16
         (local.get $83)
         (local.get $72)
        )
        (v128.store offset=64
         (local.get $83)
         (local.get $73)
        )
        (v128.store offset=80
         (local.get $83)
         (local.get $74)
        )
        (v128.store offset=128
         (local.get $83)
         (local.get $75)
        )
        (v128.store offset=144
         (local.get $83)
         (local.get $76)
        )
       )
      )
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 2)
       )
       (then
        (local.set $85
         (v128.load
          (local.get $11)
         )
        )
        (local.set $86
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $87
         (v128.load
          (local.get $11)
         )
        )
        (local.set $88
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $92
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $94
         (i32.add
          (local.get $92)
          (i32.const 32)
         )
        )
        (local.set $93
         (local.get $10)
        )
        (loop $k6
         (local.set $89
          (v128.load
           (local.get $93)
          )
         )
         (local.set $90
          (v128.load offset=16
           (local.get $93)
          )
         )
         (local.set $91
          (v128.load32_splat
           (local.get $92)
          )
         )
         (local.set $85
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $89)
           (local.get $85)
          )
         )
         (local.set $86
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $90)
           (local.get $86)
          )
         )
         (local.set $91
          (v128.load32_splat offset=32
           (local.get $92)
          )
         )
         (local.set $87
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $89)
           (local.get $87)
          )
         )
         (local.set $88
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $90)
           (local.get $88)
          )
         )
         (local.set $93
          (i32.add
           (local.get $93)
           (i32.const 32)
          )
         )
         (local.set $92
          (i32.add
           (local.get $92)
           (i32.const 4)
          )
         )
         (br_if $k6
          (i32.lt_u
           (local.get $92)
           (local.get $94)
          )
         )
        )
        (local.set $95
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 64)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $95)
         (local.get $85)
        )
        (v128.store offset=16
         (local.get $95)
         (local.get $86)
        )
        (v128.store offset=64
         (local.get $95)
         (local.get $87)
        )
        (v128.store offset=80
         (local.get $95)
         (local.get $88)
        )
       )
      )
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 1)
       )
       (then
        (local.set $97
         (v128.load
          (local.get $11)
         )
        )
        (local.set $98
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $102
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $104
         (i32.add
          (local.get $102)
          (i32.const 32)
         )
        )
        (local.set $103
         (local.get $10)
        )
        (loop $k7
         (local.set $99
          (v128.load
           (local.get $103)
          )
         )
         (local.set $100
          (v128.load offset=16
           (local.get $103)
          )
         )
         (local.set $101
          (v128.load32_splat
           (local.get $102)
          )
         )
         (local.set $97
          (f32x4.relaxed_madd
           (local.get $101)
           (local.get $99)
           (local.get $97)
          )
         )
         (local.set $98
          (f32x4.relaxed_madd
           (local.get $101)
           (local.get $100)
           (local.get $98)
          )
         )
         (local.set $103
          (i32.add
           (local.get $103)
           (i32.const 32)
          )
         )
         (local.set $102
          (i32.add
           (local.get $102)
           (i32.const 4)
          )
         )
         (br_if $k7
          (i32.lt_u
           (local.get $102)
           (local.get $104)
          )
         )
        )
        (local.set $105
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 64)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $105)
         (local.get $97)
        )
        (v128.store offset=16
         (local.get $105)
         (local.get $98)
        )
       )
      )
     )
    )
    (block $done10
     (local.set $107
      (local.get $4)
     )
     (br_if $done10
      (i32.ge_s
       (local.get $107)
       (local.get $5)
      )
     )
     (loop $loop11
      (local.set $109
       (i32.add
        (i32.add
         (local.get $2)
         (i32.mul
          (local.get $107)
          (i32.const 64)
         )
        )
        (i32.mul
         (local.get $8)
         (i32.const 32)
        )
       )
      )
      (block $done8
       (local.set $108
        (i32.const 0)
       )
       (br_if $done8
        (i32.ge_s
         (local.get $108)
         (i32.const 32)
        )
       )
       (loop $loop9
        (local.set $110
         (v128.load
          (i32.add
           (local.get $109)
           (local.get $108)
          )
         )
        )
        (block
         (local.set $111
          (local.get $110)
         )
         (local.set $110
          (f32x4.mul
           (local.get $110)
           (f32x4.splat
            (f32.const 0.7071067690849304)
           )
          )
         )
         (block
          (local.set $110
           (f32x4.max
            (f32x4.min
             (local.get $110)
             (f32x4.splat
              (f32.const 4)
             )
            )
            (f32x4.splat
             (f32.const -4)
            )
           )
          )
          (local.set $112
           (f32x4.mul
            (local.get $110)
            (local.get $110)
           )
          )
          (local.set $113
           (f32x4.mul
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.relaxed_madd
                  (f32x4.splat
                   (f32.const -2.726142367404094e-10)
                  )
                  (local.get $112)
                  (f32x4.splat
                   (f32.const 2.7706814620387377e-08)
                  )
                 )
                 (local.get $112)
                 (f32x4.splat
                  (f32.const -2.101023937939317e-06)
                 )
                )
                (local.get $112)
                (f32x4.splat
                 (f32.const -5.692506238119677e-05)
                )
               )
               (local.get $112)
               (f32x4.splat
                (f32.const -7.349906372837722e-04)
               )
              )
              (local.get $112)
              (f32x4.splat
               (f32.const -2.9545999132096767e-03)
              )
             )
             (local.get $112)
             (f32x4.splat
              (f32.const -0.01609603315591812)
             )
            )
            (local.get $110)
           )
          )
          (local.set $110
           (f32x4.div
            (local.get $113)
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.splat
                 (f32.const -1.4566071513399947e-05)
                )
                (local.get $112)
                (f32x4.splat
                 (f32.const -2.1337404905352741e-04)
                )
               )
               (local.get $112)
               (f32x4.splat
                (f32.const -0.001682827016338706)
               )
              )
              (local.get $112)
              (f32x4.splat
               (f32.const -0.007373329252004623)
              )
             )
             (local.get $112)
             (f32x4.splat
              (f32.const -0.014264739118516445)
             )
            )
           )
          )
         )
         (local.set $110
          (f32x4.mul
           (f32x4.mul
            (local.get $111)
            (f32x4.splat
             (f32.const 0.5)
            )
           )
           (f32x4.add
            (local.get $110)
            (f32x4.splat
             (f32.const 1)
            )
           )
          )
         )
        )
        (v128.store
         (i32.add
          (local.get $109)
          (local.get $108)
         )
         (local.get $110)
        )
        (local.set $108
         (i32.add
          (local.get $108)
          (i32.const 16)
         )
        )
        (br_if $loop9
         (i32.lt_s
          (local.get $108)
          (i32.const 32)
         )
        )
       )
      )
      (local.set $107
       (i32.add
        (local.get $107)
        (i32.const 1)
       )
      )
      (br_if $loop11
       (i32.lt_s
        (local.get $107)
        (local.get $5)
       )
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $8)
      (i32.const 1)
     )
    )
    (br_if $loop13
     (i32.lt_s
      (local.get $8)
      (local.get $7)
     )
    )
   )
  )
 )
 (func $mm_f2 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 v128)
  (local $22 v128)
  (local $23 v128)
  (local $24 v128)
  (local $25 v128)
  (local $26 v128)
  (local $27 v128)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  (local $31 i32)
  (local $32 i32)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 v128)
  (local $37 v128)
  (local $38 v128)
  (local $39 v128)
  (local $40 v128)
  (local $41 v128)
  (local $42 v128)
  (local $43 v128)
  (local $44 v128)
  (local $45 v128)
  (local $46 v128)
  (local $47 v128)
  (local $48 v128)
  (local $49 v128)
  (local $50 i32)
  (local $51 i32)
  (local $52 i32)
  (local $53 i32)
  (local $54 i32)
  (local $55 v128)
  (local $56 v128)
  (local $57 v128)
  (local $58 v128)
  (local $59 v128)
  (local $60 v128)
  (local $61 v128)
  (local $62 v128)
  (local $63 v128)
  (local $64 v128)
  (local $65 v128)
  (local $66 i32)
  (local $67 i32)
  (local $68 i32)
  (local $69 i32)
  (local $70 i32)
  (local $71 v128)
  (local $72 v128)
  (local $73 v128)
  (local $74 v128)
  (local $75 v128)
  (local $76 v128)
  (local $77 v128)
  (local $78 v128)
  (local $79 v128)
  (local $80 i32)
  (local $81 i32)
  (local $82 i32)
  (local $83 i32)
  (local $84 i32)
  (local $85 v128)
  (local $86 v128)
  (local $87 v128)
  (local $88 v128)
  (local $89 v128)
  (local $90 v128)
  (local $91 v128)
  (local $92 i32)
  (local $93 i32)
  (local $94 i32)
  (local $95 i32)
  (local $96 i32)
  (local $97 v128)
  (local $98 v128)
  (local $99 v128)
  (local $100 v128)
  (local $101 v128)
  (local $102 i32)
  (local $103 i32)
  (local $104 i32)
  (local $105 i32)
  (local $106 i32)
  (local.set $12
   (i32.rem_u
    (i32.sub
     (local.get $5)
     (local.get $4)
    )
    (i32.const 4)
   )
  )
  (local.set $13
   (select
    (i32.const 2)
    (select
     (i32.const 4)
     (i32.const 1)
     (i32.eq
      (local.get $12)
      (i32.const 1)
     )
    )
    (i32.eq
     (local.get $12)
     (i32.const 2)
    )
   )
  )
  (local.set $14
   (if (result i32)
    (i32.gt_s
     (local.get $13)
     (i32.const 1)
    )
    (then
     (i32.add
      (local.get $6)
      (i32.mul
       (i32.div_u
        (i32.sub
         (local.get $7)
         (local.get $6)
        )
        (local.get $13)
       )
       (local.get $13)
      )
     )
    )
    (else
     (local.get $6)
    )
   )
  )
  (block $done8
   (local.set $8
    (local.get $6)
   )
   (br_if $done8
    (i32.ge_s
     (local.get $8)
     (local.get $7)
    )
   )
   (loop $loop9
    (local.set $10
     (i32.add
      (i32.add
       (i32.const 6208)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 512)
      )
     )
    )
    (local.set $11
     (i32.add
      (i32.add
       (i32.const 6720)
       (i32.mul
        (local.get $0)
        (i32.const 2624)
       )
      )
      (i32.mul
       (local.get $8)
       (i32.const 32)
      )
     )
    )
    (if
     (i32.and
      (i32.lt_s
       (local.get $8)
       (local.get $14)
      )
      (i32.eqz
       (i32.rem_u
        (i32.sub
         (local.get $8)
         (local.get $6)
        )
        (local.get $13)
       )
      )
     )
     (then
      (local.set $9
       (i32.sub
        (local.get $5)
        (local.get $12)
       )
      )
      (if
       (i32.eq
        (local.get $12)
        (i32.const 1)
       )
       (then
        (local.set $33
         (v128.load
          (local.get $11)
         )
        )
        (local.set $34
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $35
         (v128.load offset=32
          (local.get $11)
         )
        )
        (local.set $36
         (v128.load offset=48
          (local.get $11)
         )
        )
        (local.set $37
         (v128.load offset=64
          (local.get $11)
         )
        )
        (local.set $38
         (v128.load offset=80
          (local.get $11)
         )
        )
        (local.set $39
         (v128.load offset=96
          (local.get $11)
         )
        )
        (local.set $40
         (v128.load offset=112
          (local.get $11)
         )
        )
        (local.set $50
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 64)
          )
         )
        )
        (local.set $52
         (i32.add
          (local.get $50)
          (i32.const 64)
         )
        )
        (local.set $51
         (local.get $10)
        )
        (loop $k1
         (local.set $41
          (v128.load
           (local.get $51)
          )
         )
         (local.set $42
          (v128.load offset=16
           (local.get $51)
          )
         )
         (local.set $43
          (v128.load offset=512
           (local.get $51)
          )
         )
         (local.set $44
          (v128.load offset=528
           (local.get $51)
          )
         )
         (local.set $45
          (v128.load offset=1024
           (local.get $51)
          )
         )
         (local.set $46
          (v128.load offset=1040
           (local.get $51)
          )
         )
         (local.set $47
          (v128.load offset=1536
           (local.get $51)
          )
         )
         (local.set $48
          (v128.load offset=1552
           (local.get $51)
          )
         )
         (local.set $49
          (v128.load32_splat
           (local.get $50)
          )
         )
         (local.set $33
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $41)
           (local.get $33)
          )
         )
         (local.set $34
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $42)
           (local.get $34)
          )
         )
         (local.set $35
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $43)
           (local.get $35)
          )
         )
         (local.set $36
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $44)
           (local.get $36)
          )
         )
         (local.set $37
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $45)
           (local.get $37)
          )
         )
         (local.set $38
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $46)
           (local.get $38)
          )
         )
         (local.set $39
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $47)
           (local.get $39)
          )
         )
         (local.set $40
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $48)
           (local.get $40)
          )
         )
         (local.set $51
          (i32.add
           (local.get $51)
           (i32.const 32)
          )
         )
         (local.set $50
          (i32.add
           (local.get $50)
           (i32.const 4)
          )
         )
         (br_if $k1
          (i32.lt_u
           (local.get $50)
           (local.get $52)
          )
         )
        )
        (local.set $53
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $54
         (i32.add
          (i32.add
           (local.get $3)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $33
         (f32x4.add
          (local.get $33)
          (v128.load
           (local.get $54)
          )
         )
        )
        (v128.store
         (local.get $53)
         (local.get $33)
        )
        (local.set $34
         (f32x4.add
          (local.get $34)
          (v128.load offset=16
           (local.get $54)
          )
         )
        )
        (v128.store offset=16
         (local.get $53)
         (local.get $34)
        )
        (local.set $35
         (f32x4.add
          (local.get $35)
          (v128.load offset=32
           (local.get $54)
          )
         )
        )
        (v128.store offset=32
         (local.get $53)
         (local.get $35)
        )
        (local.set $36
         (f32x4.add
          (local.get $36)
          (v128.load offset=48
           (local.get $54)
          )
         )
        )
        (v128.store offset=48
         (local.get $53)
         (local.get $36)
        )
        (local.set $37
         (f32x4.add
          (local.get $37)
          (v128.load offset=64
           (local.get $54)
          )
         )
        )
        (v128.store offset=64
         (local.get $53)
         (local.get $37)
        )
        (local.set $38
         (f32x4.add
          (local.get $38)
          (v128.load offset=80
           (local.get $54)
          )
         )
        )
        (v128.store offset=80
         (local.get $53)
         (local.get $38)
        )
        (local.set $39
         (f32x4.add
          (local.get $39)
          (v128.load offset=96
           (local.get $54)
          )
         )
        )
        (v128.store offset=96
         (local.get $53)
         (local.get $39)
        )
        (local.set $40
         (f32x4.add
          (local.get $40)
          (v128.load offset=112
           (local.get $54)
          )
         )
        )
        (v128.store offset=112
         (local.get $53)
         (local.get $40)
        )
       )
       (else
        (if
         (i32.eq
          (local.get $12)
          (i32.const 2)
         )
         (then
          (local.set $15
           (v128.load
            (local.get $11)
           )
          )
          (local.set $16
           (v128.load offset=16
            (local.get $11)
           )
          )
          (local.set $17
           (v128.load offset=32
            (local.get $11)
           )
          )
          (local.set $18
           (v128.load offset=48
            (local.get $11)
           )
          )
          (local.set $19
           (v128.load
            (local.get $11)
           )
          )
          (local.set $20
           (v128.load offset=16
            (local.get $11)
           )
          )
          (local.set $21
           (v128.load offset=32
            (local.get $11)
           )
          )
          (local.set $22
           (v128.load offset=48
            (local.get $11)
           )
          )
          (local.set $28
           (i32.add
            (local.get $1)
            (i32.mul
             (local.get $9)
             (i32.const 64)
            )
           )
          )
          (local.set $30
           (i32.add
            (local.get $28)
            (i32.const 64)
           )
          )
          (local.set $29
           (local.get $10)
          )
          (loop $k0
           (local.set $23
            (v128.load
             (local.get $29)
            )
           )
           (local.set $24
            (v128.load offset=16
             (local.get $29)
            )
           )
           (local.set $25
            (v128.load offset=512
             (local.get $29)
            )
           )
           (local.set $26
            (v128.load offset=528
             (local.get $29)
            )
           )
           (local.set $27
            (v128.load32_splat
             (local.get $28)
            )
           )
           (local.set $15
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $23)
             (local.get $15)
            )
           )
           (local.set $16
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $24)
             (local.get $16)
            )
           )
           (local.set $17
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $25)
             (local.get $17)
            )
           )
           (local.set $18
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $26)
             (local.get $18)
            )
           )
           (local.set $27
            (v128.load32_splat offset=64
             (local.get $28)
            )
           )
           (local.set $19
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $23)
             (local.get $19)
            )
           )
           (local.set $20
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $24)
             (local.get $20)
            )
           )
           (local.set $21
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $25)
             (local.get $21)
            )
           )
           (local.set $22
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $26)
             (local.get $22)
            )
           )
           (local.set $29
            (i32.add
             (local.get $29)
             (i32.const 32)
            )
           )
           (local.set $28
            (i32.add
             (local.get $28)
             (i32.const 4)
            )
           )
           (br_if $k0
            (i32.lt_u
             (local.get $28)
             (local.get $30)
            )
           )
          )
          (local.set $31
           (i32.add
            (i32.add
             (local.get $2)
             (i32.mul
              (local.get $9)
              (i32.const 32)
             )
            )
            (i32.mul
             (local.get $8)
             (i32.const 32)
            )
           )
          )
          (local.set $32
           (i32.add
            (i32.add
             (local.get $3)
             (i32.mul
              (local.get $9)
              (i32.const 32)
             )
            )
            (i32.mul
             (local.get $8)
             (i32.const 32)
            )
           )
          )
          (local.set $15
           (f32x4.add
            (local.get $15)
            (v128.load
             (local.get $32)
            )
           )
          )
          (v128.store
           (local.get $31)
           (local.get $15)
          )
          (local.set $16
           (f32x4.add
            (local.get $16)
            (v128.load offset=16
             (local.get $32)
            )
           )
          )
          (v128.store offset=16
           (local.get $31)
           (local.get $16)
          )
          (local.set $17
           (f32x4.add
            (local.get $17)
            (v128.load offset=32
             (local.get $32)
            )
           )
          )
          (v128.store offset=32
           (local.get $31)
           (local.get $17)
          )
          (local.set $18
           (f32x4.add
            (local.get $18)
            (v128.load offset=48
             (local.get $32)
            )
           )
          )
          (v128.store offset=48
           (local.get $31)
           (local.get $18)
          )
          (local.set $19
           (f32x4.add
            (local.get $19)
            (v128.load offset=32
             (local.get $32)
            )
           )
          )
          (v128.store offset=32
           (local.get $31)
           (local.get $19)
          )
          (local.set $20
           (f32x4.add
            (local.get $20)
            (v128.load offset=48
             (local.get $32)
            )
           )
          )
          (v128.store offset=48
           (local.get $31)
           (local.get $20)
          )
          (local.set $21
           (f32x4.add
            (local.get $21)
            (v128.load offset=64
             (local.get $32)
            )
           )
          )
          (v128.store offset=64
           (local.get $31)
           (local.get $21)
          )
          (local.set $22
           (f32x4.add
            (local.get $22)
            (v128.load offset=80
             (local.get $32)
            )
           )
          )
          (v128.store offset=80
           (local.get $31)
           (local.get $22)
          )
         )
         (else
          (nop)
         )
        )
       )
      )
     )
    )
    (block $done3
     (local.set $9
      (local.get $4)
     )
     (br_if $done3
      (i32.ge_s
       (local.get $9)
       (i32.add
        (i32.const -3)
        (local.get $5)
       )
      )
     )
     (loop $loop4
      (block
       (local.set $55
        (v128.load
         (local.get $11)
        )
       )
       (local.set $56
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $57
        (v128.load
         (local.get $11)
        )
       )
       (local.set $58
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $59
        (v128.load
         (local.get $11)
        )
       )
       (local.set $60
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $61
        (v128.load
         (local.get $11)
        )
       )
       (local.set $62
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $66
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 64)
         )
        )
       )
       (local.set $68
        (i32.add
         (local.get $66)
         (i32.const 64)
        )
       )
       (local.set $67
        (local.get $10)
       )
       (loop $k2
        (local.set $63
         (v128.load
          (local.get $67)
         )
        )
        (local.set $64
         (v128.load offset=16
          (local.get $67)
         )
        )
        (local.set $65
         (v128.load32_splat
          (local.get $66)
         )
        )
        (local.set $55
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $55)
         )
        )
        (local.set $56
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $56)
         )
        )
        (local.set $65
         (v128.load32_splat offset=64
          (local.get $66)
         )
        )
        (local.set $57
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $57)
         )
        )
        (local.set $58
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $58)
         )
        )
        (local.set $65
         (v128.load32_splat offset=128
          (local.get $66)
         )
        )
        (local.set $59
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $59)
         )
        )
        (local.set $60
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $60)
         )
        )
        (local.set $65
         (v128.load32_splat offset=192
          (local.get $66)
         )
        )
        (local.set $61
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $61)
         )
        )
        (local.set $62
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $62)
         )
        )
        (local.set $67
         (i32.add
          (local.get $67)
          (i32.const 32)
         )
        )
        (local.set $66
         (i32.add
          (local.get $66)
          (i32.const 4)
         )
        )
        (br_if $k2
         (i32.lt_u
          (local.get $66)
          (local.get $68)
         )
        )
       )
       (local.set $69
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $70
        (i32.add
         (i32.add
          (local.get $3)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (local.set $55
        (f32x4.add
         (local.get $55)
         (v128.load
          (local.get $70)
         )
        )
       )
       (v128.store
        (local.get $69)
        (local.get $55)
       )
       (local.set $56
        (f32x4.add
         (local.get $56)
         (v128.load offset=16
          (local.get $70)
         )
        )
       )
       (v128.store offset=16
        (local.get $69)
        (local.get $56)
       )
       (local.set $57
        (f32x4.add
         (local.get $57)
         (v128.load offset=32
          (local.get $70)
         )
        )
       )
       (v128.store offset=32
        (local.get $69)
        (local.get $57)
       )
       (local.set $58
        (f32x4.add
         (local.get $58)
         (v128.load offset=48
          (local.get $70)
         )
        )
       )
       (v128.store offset=48
        (local.get $69)
        (local.get $58)
       )
       (local.set $59
        (f32x4.add
         (local.get $59)
         (v128.load offset=64
          (local.get $70)
         )
        )
       )
       (v128.store offset=64
        (local.get $69)
        (local.get $59)
       )
       (local.set $60
        (f32x4.add
         (local.get $60)
         (v128.load offset=80
          (local.get $70)
         )
        )
       )
       (v128.store offset=80
        (local.get $69)
        (local.get $60)
       )
       (local.set $61
        (f32x4.add
         (local.get $61)
         (v128.load offset=96
          (local.get $70)
         )
        )
       )
       (v128.store offset=96
        (local.get $69)
        (local.get $61)
       )
       (local.set $62
        (f32x4.add
         (local.get $62)
         (v128.load offset=112
          (local.get $70)
         )
        )
       )
       (v128.store offset=112
        (local.get $69)
        (local.get $62)
       )
      )
      (local.set $9
       (i32.add
        (local.get $9)
        (i32.const 4)
       )
      )
      (br_if $loop4
       (i32.lt_s
        (local.get $9)
        (i32.add
         (i32.const -3)
         (local.get $5)
        )
       )
      )
     )
    )
    (if
     (i32.ge_s
      (local.get $8)
      (local.get $14)
     )
     (then
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 3)
       )
       (then
        (local.set $71
         (v128.load
          (local.get $11)
         )
        )
        (local.set $72
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $73
         (v128.load
          (local.get $11)
         )
        )
        (local.set $74
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $75
         (v128.load
          (local.get $11)
         )
        )
        (local.set $76
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $80
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 64)
          )
         )
        )
        (local.set $82
         (i32.add
          (local.get $80)
          (i32.const 64)
         )
        )
        (local.set $81
         (local.get $10)
        )
        (loop $k5
         (local.set $77
          (v128.load
           (local.get $81)
          )
         )
         (local.set $78
          (v128.load offset=16
           (local.get $81)
          )
         )
         (local.set $79
          (v128.load32_splat
           (local.get $80)
          )
         )
         (local.set $71
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $71)
          )
         )
         (local.set $72
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $72)
          )
         )
         (local.set $79
          (v128.load32_splat offset=64
           (local.get $80)
          )
         )
         (local.set $73
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $73)
          )
         )
         (local.set $74
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $74)
          )
         )
         (local.set $79
          (v128.load32_splat offset=128
           (local.get $80)
          )
         )
         (local.set $75
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $75)
          )
         )
         (local.set $76
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $76)
          )
         )
         (local.set $81
          (i32.add
           (local.get $81)
           (i32.const 32)
          )
         )
         (local.set $80
          (i32.add
           (local.get $80)
           (i32.const 4)
          )
         )
         (br_if $k5
          (i32.lt_u
           (local.get $80)
           (local.get $82)
          )
         )
        )
        (local.set $83
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $84
         (i32.add
          (i32.add
           (local.get $3)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $71
         (f32x4.add
          (local.get $71)
          (v128.load
           (local.get $84)
          )
         )
        )
        (v128.store
         (local.get $83)
         (local.get $71)
        )
        (local.set $72
         (f32x4.add
          (local.get $72)
          (v128.load offset=16
           (local.get $84)
          )
         )
        )
        (v128.store offset=16
         (local.get $83)
         (local.get $72)
        )
        (local.set $73
         (f32x4.add
          (local.get $73)
          (v128.load offset=32
           (local.get $84)
          )
         )
        )
        (v128.store offset=32
         (local.get $83)
         (local.get $73)
        )
        (local.set $74
         (f32x4.add
          (local.get $74)
          (v128.load offset=48
           (local.get $84)
          )
         )
        )
        (v128.store offset=48
         (local.get $83)
         (local.get $74)
        )
        (local.set $75
         (f32x4.add
          (local.get $75)
          (v128.load offset=64
           (local.get $84)
          )
         )
        )
        (v128.store offset=64
         (local.get $83)
         (local.get $75)
        )
        (local.set $76
         (f32x4.add
          (local.get $76)
          (v128.load offset=80
           (local.get $84)
          )
         )
        )
        (v128.store offset=80
         (local.get $83)
         (local.get $76)
        )
       )
      )
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 2)
       )
       (then
        (local.set $85
         (v128.load
          (local.get $11)
         )
        )
        (local.set $86
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $87
         (v128.load
          (local.get $11)
         )
        )
        (local.set $88
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $92
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 64)
          )
         )
        )
        (local.set $94
         (i32.add
          (local.get $92)
          (i32.const 64)
         )
        )
        (local.set $93
         (local.get $10)
        )
        (loop $k6
         (local.set $89
          (v128.load
           (local.get $93)
          )
         )
         (local.set $90
          (v128.load offset=16
           (local.get $93)
          )
         )
         (local.set $91
          (v128.load32_splat
           (local.get $92)
          )
         )
         (local.set $85
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $89)
           (local.get $85)
          )
         )
         (local.set $86
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $90)
           (local.get $86)
          )
         )
         (local.set $91
          (v128.load32_splat offset=64
           (local.get $92)
          )
         )
         (local.set $87
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $89)
           (local.get $87)
          )
         )
         (local.set $88
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $90)
           (local.get $88)
          )
         )
         (local.set $93
          (i32.add
           (local.get $93)
           (i32.const 32)
          )
         )
         (local.set $92
          (i32.add
           (local.get $92)
           (i32.const 4)
          )
         )
         (br_if $k6
          (i32.lt_u
           (local.get $92)
           (local.get $94)
          )
         )
        )
        (local.set $95
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $96
         (i32.add
          (i32.add
           (local.get $3)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $85
         (f32x4.add
          (local.get $85)
          (v128.load
           (local.get $96)
          )
         )
        )
        (v128.store
         (local.get $95)
         (local.get $85)
        )
        (local.set $86
         (f32x4.add
          (local.get $86)
          (v128.load offset=16
           (local.get $96)
          )
         )
        )
        (v128.store offset=16
         (local.get $95)
         (local.get $86)
        )
        (local.set $87
         (f32x4.add
          (local.get $87)
          (v128.load offset=32
           (local.get $96)
          )
         )
        )
        (v128.store offset=32
         (local.get $95)
         (local.get $87)
        )
        (local.set $88
         (f32x4.add
          (local.get $88)
          (v128.load offset=48
           (local.get $96)
          )
         )
        )
        (v128.store offset=48
         (local.get $95)
         (local.get $88)
        )
       )
      )
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 1)
       )
       (then
        (local.set $97
         (v128.load
          (local.get $11)
         )
        )
        (local.set $98
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $102
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 64)
          )
         )
        )
        (local.set $104
         (i32.add
          (local.get $102)
          (i32.const 64)
         )
        )
        (local.set $103
         (local.get $10)
        )
        (loop $k7
         (local.set $99
          (v128.load
           (local.get $103)
          )
         )
         (local.set $100
          (v128.load offset=16
           (local.get $103)
          )
         )
         (local.set $101
          (v128.load32_splat
           (local.get $102)
          )
         )
         (local.set $97
          (f32x4.relaxed_madd
           (local.get $101)
           (local.get $99)
           (local.get $97)
          )
         )
         (local.set $98
          (f32x4.relaxed_madd
           (local.get $101)
           (local.get $100)
           (local.get $98)
          )
         )
         (local.set $103
          (i32.add
           (local.get $103)
           (i32.const 32)
          )
         )
         (local.set $102
          (i32.add
           (local.get $102)
           (i32.const 4)
          )
         )
         (br_if $k7
          (i32.lt_u
           (local.get $102)
           (local.get $104)
          )
         )
        )
        (local.set $105
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $106
         (i32.add
          (i32.add
           (local.get $3)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (local.set $97
         (f32x4.add
          (local.get $97)
          (v128.load
           (local.get $106)
          )
         )
        )
        (v128.store
         (local.get $105)
         (local.get $97)
        )
        (local.set $98
         (f32x4.add
          (local.get $98)
          (v128.load offset=16
           (local.get $106)
          )
         )
        )
        (v128.store offset=16
         (local.get $105)
         (local.get $98)
        )
       )
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $8)
      (i32.const 1)
     )
    )
    (br_if $loop9
     (i32.lt_s
      (local.get $8)
      (local.get $7)
     )
    )
   )
  )
 )
 (func $ln2 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local.set $9
   (i32.add
    (i32.const 6784)
    (i32.mul
     (local.get $0)
     (i32.const 2624)
    )
   )
  )
  (local.set $10
   (i32.add
    (i32.const 6848)
    (i32.mul
     (local.get $0)
     (i32.const 2624)
    )
   )
  )
  (block $done6
   (local.set $5
    (local.get $3)
   )
   (br_if $done6
    (i32.ge_s
     (local.get $5)
     (local.get $4)
    )
   )
   (loop $loop7
    (local.set $7
     (i32.add
      (local.get $1)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $2)
      (i32.mul
       (local.get $5)
       (i32.const 32)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done0
     (local.set $6
      (i32.const 0)
     )
     (br_if $done0
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop1
      (local.set $11
       (f32x4.add
        (local.get $11)
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop1
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $13
     (f32x4.splat
      (f32.div
       (f32.add
        (f32.add
         (f32x4.extract_lane 0
          (local.get $11)
         )
         (f32x4.extract_lane 1
          (local.get $11)
         )
        )
        (f32.add
         (f32x4.extract_lane 2
          (local.get $11)
         )
         (f32x4.extract_lane 3
          (local.get $11)
         )
        )
       )
       (f32.const 8)
      )
     )
    )
    (local.set $11
     (f32x4.splat
      (f32.const 0)
     )
    )
    (block $done2
     (local.set $6
      (i32.const 0)
     )
     (br_if $done2
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop3
      (local.set $12
       (f32x4.sub
        (v128.load
         (i32.add
          (local.get $7)
          (local.get $6)
         )
        )
        (local.get $13)
       )
      )
      (local.set $11
       (f32x4.relaxed_madd
        (local.get $12)
        (local.get $12)
        (local.get $11)
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop3
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $14
     (f32x4.splat
      (f32.div
       (f32.const 1)
       (f32.sqrt
        (f32.add
         (f32.div
          (f32.add
           (f32.add
            (f32x4.extract_lane 0
             (local.get $11)
            )
            (f32x4.extract_lane 1
             (local.get $11)
            )
           )
           (f32.add
            (f32x4.extract_lane 2
             (local.get $11)
            )
            (f32x4.extract_lane 3
             (local.get $11)
            )
           )
          )
          (f32.const 8)
         )
         (f32.const 9.999999960041972e-13)
        )
       )
      )
     )
    )
    (block $done4
     (local.set $6
      (i32.const 0)
     )
     (br_if $done4
      (i32.ge_s
       (local.get $6)
       (i32.const 32)
      )
     )
     (loop $loop5
      (local.set $12
       (f32x4.mul
        (f32x4.sub
         (v128.load
          (i32.add
           (local.get $7)
           (local.get $6)
          )
         )
         (local.get $13)
        )
        (local.get $14)
       )
      )
      (v128.store
       (i32.add
        (local.get $8)
        (local.get $6)
       )
       (f32x4.relaxed_madd
        (local.get $12)
        (v128.load
         (i32.add
          (local.get $9)
          (local.get $6)
         )
        )
        (v128.load
         (i32.add
          (local.get $10)
          (local.get $6)
         )
        )
       )
      )
      (local.set $6
       (i32.add
        (local.get $6)
        (i32.const 16)
       )
      )
      (br_if $loop5
       (i32.lt_s
        (local.get $6)
        (i32.const 32)
       )
      )
     )
    )
    (local.set $5
     (i32.add
      (local.get $5)
      (i32.const 1)
     )
    )
    (br_if $loop7
     (i32.lt_s
      (local.get $5)
      (local.get $4)
     )
    )
   )
  )
 )
 (func $mm_pool (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 v128)
  (local $22 v128)
  (local $23 v128)
  (local $24 v128)
  (local $25 v128)
  (local $26 v128)
  (local $27 v128)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  (local $31 i32)
  (local $32 i32)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 v128)
  (local $37 v128)
  (local $38 v128)
  (local $39 v128)
  (local $40 v128)
  (local $41 v128)
  (local $42 v128)
  (local $43 v128)
  (local $44 v128)
  (local $45 v128)
  (local $46 v128)
  (local $47 v128)
  (local $48 v128)
  (local $49 v128)
  (local $50 i32)
  (local $51 i32)
  (local $52 i32)
  (local $53 i32)
  (local $54 i32)
  (local $55 v128)
  (local $56 v128)
  (local $57 v128)
  (local $58 v128)
  (local $59 v128)
  (local $60 v128)
  (local $61 v128)
  (local $62 v128)
  (local $63 v128)
  (local $64 v128)
  (local $65 v128)
  (local $66 i32)
  (local $67 i32)
  (local $68 i32)
  (local $69 i32)
  (local $70 i32)
  (local $71 v128)
  (local $72 v128)
  (local $73 v128)
  (local $74 v128)
  (local $75 v128)
  (local $76 v128)
  (local $77 v128)
  (local $78 v128)
  (local $79 v128)
  (local $80 i32)
  (local $81 i32)
  (local $82 i32)
  (local $83 i32)
  (local $84 i32)
  (local $85 v128)
  (local $86 v128)
  (local $87 v128)
  (local $88 v128)
  (local $89 v128)
  (local $90 v128)
  (local $91 v128)
  (local $92 i32)
  (local $93 i32)
  (local $94 i32)
  (local $95 i32)
  (local $96 i32)
  (local $97 v128)
  (local $98 v128)
  (local $99 v128)
  (local $100 v128)
  (local $101 v128)
  (local $102 i32)
  (local $103 i32)
  (local $104 i32)
  (local $105 i32)
  (local $106 i32)
  (local $107 i32)
  (local $108 i32)
  (local $109 i32)
  (local $110 v128)
  (local $111 v128)
  (local $112 v128)
  (local $113 v128)
  (local $114 v128)
  (local.set $12
   (i32.rem_u
    (i32.sub
     (local.get $5)
     (local.get $4)
    )
    (i32.const 4)
   )
  )
  (local.set $13
   (select
    (i32.const 2)
    (select
     (i32.const 4)
     (i32.const 1)
     (i32.eq
      (local.get $12)
      (i32.const 1)
     )
    )
    (i32.eq
     (local.get $12)
     (i32.const 2)
    )
   )
  )
  (local.set $14
   (if (result i32)
    (i32.gt_s
     (local.get $13)
     (i32.const 1)
    )
    (then
     (i32.add
      (local.get $6)
      (i32.mul
       (i32.div_u
        (i32.sub
         (local.get $7)
         (local.get $6)
        )
        (local.get $13)
       )
       (local.get $13)
      )
     )
    )
    (else
     (local.get $6)
    )
   )
  )
  (block $done12
   (local.set $8
    (local.get $6)
   )
   (br_if $done12
    (i32.ge_s
     (local.get $8)
     (local.get $7)
    )
   )
   (loop $loop13
    (local.set $10
     (i32.add
      (i32.const 9536)
      (i32.mul
       (local.get $8)
       (i32.const 256)
      )
     )
    )
    (local.set $11
     (i32.add
      (i32.const 9792)
      (i32.mul
       (local.get $8)
       (i32.const 32)
      )
     )
    )
    (if
     (i32.and
      (i32.lt_s
       (local.get $8)
       (local.get $14)
      )
      (i32.eqz
       (i32.rem_u
        (i32.sub
         (local.get $8)
         (local.get $6)
        )
        (local.get $13)
       )
      )
     )
     (then
      (local.set $9
       (i32.sub
        (local.get $5)
        (local.get $12)
       )
      )
      (if
       (i32.eq
        (local.get $12)
        (i32.const 1)
       )
       (then
        (local.set $33
         (v128.load
          (local.get $11)
         )
        )
        (local.set $34
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $35
         (v128.load offset=32
          (local.get $11)
         )
        )
        (local.set $36
         (v128.load offset=48
          (local.get $11)
         )
        )
        (local.set $37
         (v128.load offset=64
          (local.get $11)
         )
        )
        (local.set $38
         (v128.load offset=80
          (local.get $11)
         )
        )
        (local.set $39
         (v128.load offset=96
          (local.get $11)
         )
        )
        (local.set $40
         (v128.load offset=112
          (local.get $11)
         )
        )
        (local.set $50
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $52
         (i32.add
          (local.get $50)
          (i32.const 32)
         )
        )
        (local.set $51
         (local.get $10)
        )
        (loop $k1
         (local.set $41
          (v128.load
           (local.get $51)
          )
         )
         (local.set $42
          (v128.load offset=16
           (local.get $51)
          )
         )
         (local.set $43
          (v128.load offset=256
           (local.get $51)
          )
         )
         (local.set $44
          (v128.load offset=272
           (local.get $51)
          )
         )
         (local.set $45
          (v128.load offset=512
           (local.get $51)
          )
         )
         (local.set $46
          (v128.load offset=528
           (local.get $51)
          )
         )
         (local.set $47
          (v128.load offset=768
           (local.get $51)
          )
         )
         (local.set $48
          (v128.load offset=784
           (local.get $51)
          )
         )
         (local.set $49
          (v128.load32_splat
           (local.get $50)
          )
         )
         (local.set $33
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $41)
           (local.get $33)
          )
         )
         (local.set $34
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $42)
           (local.get $34)
          )
         )
         (local.set $35
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $43)
           (local.get $35)
          )
         )
         (local.set $36
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $44)
           (local.get $36)
          )
         )
         (local.set $37
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $45)
           (local.get $37)
          )
         )
         (local.set $38
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $46)
           (local.get $38)
          )
         )
         (local.set $39
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $47)
           (local.get $39)
          )
         )
         (local.set $40
          (f32x4.relaxed_madd
           (local.get $49)
           (local.get $48)
           (local.get $40)
          )
         )
         (local.set $51
          (i32.add
           (local.get $51)
           (i32.const 32)
          )
         )
         (local.set $50
          (i32.add
           (local.get $50)
           (i32.const 4)
          )
         )
         (br_if $k1
          (i32.lt_u
           (local.get $50)
           (local.get $52)
          )
         )
        )
        (local.set $53
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $53)
         (local.get $33)
        )
        (v128.store offset=16
         (local.get $53)
         (local.get $34)
        )
        (v128.store offset=32
         (local.get $53)
         (local.get $35)
        )
        (v128.store offset=48
         (local.get $53)
         (local.get $36)
        )
        (v128.store offset=64
         (local.get $53)
         (local.get $37)
        )
        (v128.store offset=80
         (local.get $53)
         (local.get $38)
        )
        (v128.store offset=96
         (local.get $53)
         (local.get $39)
        )
        (v128.store offset=112
         (local.get $53)
         (local.get $40)
        )
       )
       (else
        (if
         (i32.eq
          (local.get $12)
          (i32.const 2)
         )
         (then
          (local.set $15
           (v128.load
            (local.get $11)
           )
          )
          (local.set $16
           (v128.load offset=16
            (local.get $11)
           )
          )
          (local.set $17
           (v128.load offset=32
            (local.get $11)
           )
          )
          (local.set $18
           (v128.load offset=48
            (local.get $11)
           )
          )
          (local.set $19
           (v128.load
            (local.get $11)
           )
          )
          (local.set $20
           (v128.load offset=16
            (local.get $11)
           )
          )
          (local.set $21
           (v128.load offset=32
            (local.get $11)
           )
          )
          (local.set $22
           (v128.load offset=48
            (local.get $11)
           )
          )
          (local.set $28
           (i32.add
            (local.get $1)
            (i32.mul
             (local.get $9)
             (i32.const 32)
            )
           )
          )
          (local.set $30
           (i32.add
            (local.get $28)
            (i32.const 32)
           )
          )
          (local.set $29
           (local.get $10)
          )
          (loop $k0
           (local.set $23
            (v128.load
             (local.get $29)
            )
           )
           (local.set $24
            (v128.load offset=16
             (local.get $29)
            )
           )
           (local.set $25
            (v128.load offset=256
             (local.get $29)
            )
           )
           (local.set $26
            (v128.load offset=272
             (local.get $29)
            )
           )
           (local.set $27
            (v128.load32_splat
             (local.get $28)
            )
           )
           (local.set $15
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $23)
             (local.get $15)
            )
           )
           (local.set $16
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $24)
             (local.get $16)
            )
           )
           (local.set $17
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $25)
             (local.get $17)
            )
           )
           (local.set $18
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $26)
             (local.get $18)
            )
           )
           (local.set $27
            (v128.load32_splat offset=32
             (local.get $28)
            )
           )
           (local.set $19
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $23)
             (local.get $19)
            )
           )
           (local.set $20
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $24)
             (local.get $20)
            )
           )
           (local.set $21
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $25)
             (local.get $21)
            )
           )
           (local.set $22
            (f32x4.relaxed_madd
             (local.get $27)
             (local.get $26)
             (local.get $22)
            )
           )
           (local.set $29
            (i32.add
             (local.get $29)
             (i32.const 32)
            )
           )
           (local.set $28
            (i32.add
             (local.get $28)
             (i32.const 4)
            )
           )
           (br_if $k0
            (i32.lt_u
             (local.get $28)
             (local.get $30)
            )
           )
          )
          (local.set $31
           (i32.add
            (i32.add
             (local.get $2)
             (i32.mul
              (local.get $9)
              (i32.const 32)
             )
            )
            (i32.mul
             (local.get $8)
             (i32.const 32)
            )
           )
          )
          (v128.store
           (local.get $31)
           (local.get $15)
          )
          (v128.store offset=16
           (local.get $31)
           (local.get $16)
          )
          (v128.store offset=32
           (local.get $31)
           (local.get $17)
          )
          (v128.store offset=48
           (local.get $31)
           (local.get $18)
          )
          (v128.store offset=32
           (local.get $31)
           (local.get $19)
          )
          (v128.store offset=48
           (local.get $31)
           (local.get $20)
          )
          (v128.store offset=64
           (local.get $31)
           (local.get $21)
          )
          (v128.store offset=80
           (local.get $31)
           (local.get $22)
          )
         )
         (else
          (nop)
         )
        )
       )
      )
     )
    )
    (block $done3
     (local.set $9
      (local.get $4)
     )
     (br_if $done3
      (i32.ge_s
       (local.get $9)
       (i32.add
        (i32.const -3)
        (local.get $5)
       )
      )
     )
     (loop $loop4
      (block
       (local.set $55
        (v128.load
         (local.get $11)
        )
       )
       (local.set $56
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $57
        (v128.load
         (local.get $11)
        )
       )
       (local.set $58
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $59
        (v128.load
         (local.get $11)
        )
       )
       (local.set $60
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $61
        (v128.load
         (local.get $11)
        )
       )
       (local.set $62
        (v128.load offset=16
         (local.get $11)
        )
       )
       (local.set $66
        (i32.add
         (local.get $1)
         (i32.mul
          (local.get $9)
          (i32.const 32)
         )
        )
       )
       (local.set $68
        (i32.add
         (local.get $66)
         (i32.const 32)
        )
       )
       (local.set $67
        (local.get $10)
       )
       (loop $k2
        (local.set $63
         (v128.load
          (local.get $67)
         )
        )
        (local.set $64
         (v128.load offset=16
          (local.get $67)
         )
        )
        (local.set $65
         (v128.load32_splat
          (local.get $66)
         )
        )
        (local.set $55
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $55)
         )
        )
        (local.set $56
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $56)
         )
        )
        (local.set $65
         (v128.load32_splat offset=32
          (local.get $66)
         )
        )
        (local.set $57
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $57)
         )
        )
        (local.set $58
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $58)
         )
        )
        (local.set $65
         (v128.load32_splat offset=64
          (local.get $66)
         )
        )
        (local.set $59
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $59)
         )
        )
        (local.set $60
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $60)
         )
        )
        (local.set $65
         (v128.load32_splat offset=96
          (local.get $66)
         )
        )
        (local.set $61
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $63)
          (local.get $61)
         )
        )
        (local.set $62
         (f32x4.relaxed_madd
          (local.get $65)
          (local.get $64)
          (local.get $62)
         )
        )
        (local.set $67
         (i32.add
          (local.get $67)
          (i32.const 32)
         )
        )
        (local.set $66
         (i32.add
          (local.get $66)
          (i32.const 4)
         )
        )
        (br_if $k2
         (i32.lt_u
          (local.get $66)
          (local.get $68)
         )
        )
       )
       (local.set $69
        (i32.add
         (i32.add
          (local.get $2)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
         (i32.mul
          (local.get $8)
          (i32.const 32)
         )
        )
       )
       (v128.store
        (local.get $69)
        (local.get $55)
       )
       (v128.store offset=16
        (local.get $69)
        (local.get $56)
       )
       (v128.store offset=32
        (local.get $69)
        (local.get $57)
       )
       (v128.store offset=48
        (local.get $69)
        (local.get $58)
       )
       (v128.store offset=64
        (local.get $69)
        (local.get $59)
       )
       (v128.store offset=80
        (local.get $69)
        (local.get $60)
       )
       (v128.store offset=96
        (local.get $69)
        (local.get $61)
       )
       (v128.store offset=112
        (local.get $69)
        (local.get $62)
       )
      )
      (local.set $9
       (i32.add
        (local.get $9)
        (i32.const 4)
       )
      )
      (br_if $loop4
       (i32.lt_s
        (local.get $9)
        (i32.add
         (i32.const -3)
         (local.get $5)
        )
       )
      )
     )
    )
    (if
     (i32.ge_s
      (local.get $8)
      (local.get $14)
     )
     (then
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 3)
       )
       (then
        (local.set $71
         (v128.load
          (local.get $11)
         )
        )
        (local.set $72
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $73
         (v128.load
          (local.get $11)
         )
        )
        (local.set $74
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $75
         (v128.load
          (local.get $11)
         )
        )
        (local.set $76
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $80
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $82
         (i32.add
          (local.get $80)
          (i32.const 32)
         )
        )
        (local.set $81
         (local.get $10)
        )
        (loop $k5
         (local.set $77
          (v128.load
           (local.get $81)
          )
         )
         (local.set $78
          (v128.load offset=16
           (local.get $81)
          )
         )
         (local.set $79
          (v128.load32_splat
           (local.get $80)
          )
         )
         (local.set $71
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $71)
          )
         )
         (local.set $72
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $72)
          )
         )
         (local.set $79
          (v128.load32_splat offset=32
           (local.get $80)
          )
         )
         (local.set $73
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $73)
          )
         )
         (local.set $74
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $74)
          )
         )
         (local.set $79
          (v128.load32_splat offset=64
           (local.get $80)
          )
         )
         (local.set $75
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $77)
           (local.get $75)
          )
         )
         (local.set $76
          (f32x4.relaxed_madd
           (local.get $79)
           (local.get $78)
           (local.get $76)
          )
         )
         (local.set $81
          (i32.add
           (local.get $81)
           (i32.const 32)
          )
         )
         (local.set $80
          (i32.add
           (local.get $80)
           (i32.const 4)
          )
         )
         (br_if $k5
          (i32.lt_u
           (local.get $80)
           (local.get $82)
          )
         )
        )
        (local.set $83
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $83)
         (local.get $71)
        )
        (v128.store offset=16
         (local.get $83)
         (local.get $72)
        )
        (v128.store offset=32
         (local.get $83)
         (local.get $73)
        )
        (v128.store offset=48
         (local.get $83)
         (local.get $74)
        )
        (v128.store offset=64
         (local.get $83)
         (local.get $75)
        )
        (v128.store offset=80
         (local.get $83)
         (local.get $76)
        )
       )
      )
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 2)
       )
       (then
        (local.set $85
         (v128.load
          (local.get $11)
         )
        )
        (local.set $86
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $87
         (v128.load
          (local.get $11)
         )
        )
        (local.set $88
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $92
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $94
         (i32.add
          (local.get $92)
          (i32.const 32)
         )
        )
        (local.set $93
         (local.get $10)
        )
        (loop $k6
         (local.set $89
          (v128.load
           (local.get $93)
          )
         )
         (local.set $90
          (v128.load offset=16
           (local.get $93)
          )
         )
         (local.set $91
          (v128.load32_splat
           (local.get $92)
          )
         )
         (local.set $85
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $89)
           (local.get $85)
          )
         )
         (local.set $86
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $90)
           (local.get $86)
          )
         )
         (local.set $91
          (v128.load32_splat offset=32
           (local.get $92)
          )
         )
         (local.set $87
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $89)
           (local.get $87)
          )
         )
         (local.set $88
          (f32x4.relaxed_madd
           (local.get $91)
           (local.get $90)
           (local.get $88)
          )
         )
         (local.set $93
          (i32.add
           (local.get $93)
           (i32.const 32)
          )
         )
         (local.set $92
          (i32.add
           (local.get $92)
           (i32.const 4)
          )
         )
         (br_if $k6
          (i32.lt_u
           (local.get $92)
           (local.get $94)
          )
         )
        )
        (local.set $95
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $95)
         (local.get $85)
        )
        (v128.store offset=16
         (local.get $95)
         (local.get $86)
        )
        (v128.store offset=32
         (local.get $95)
         (local.get $87)
        )
        (v128.store offset=48
         (local.get $95)
         (local.get $88)
        )
       )
      )
      (if
       (i32.eq
        (i32.sub
         (local.get $5)
         (local.get $9)
        )
        (i32.const 1)
       )
       (then
        (local.set $97
         (v128.load
          (local.get $11)
         )
        )
        (local.set $98
         (v128.load offset=16
          (local.get $11)
         )
        )
        (local.set $102
         (i32.add
          (local.get $1)
          (i32.mul
           (local.get $9)
           (i32.const 32)
          )
         )
        )
        (local.set $104
         (i32.add
          (local.get $102)
          (i32.const 32)
         )
        )
        (local.set $103
         (local.get $10)
        )
        (loop $k7
         (local.set $99
          (v128.load
           (local.get $103)
          )
         )
         (local.set $100
          (v128.load offset=16
           (local.get $103)
          )
         )
         (local.set $101
          (v128.load32_splat
           (local.get $102)
          )
         )
         (local.set $97
          (f32x4.relaxed_madd
           (local.get $101)
           (local.get $99)
           (local.get $97)
          )
         )
         (local.set $98
          (f32x4.relaxed_madd
           (local.get $101)
           (local.get $100)
           (local.get $98)
          )
         )
         (local.set $103
          (i32.add
           (local.get $103)
           (i32.const 32)
          )
         )
         (local.set $102
          (i32.add
           (local.get $102)
           (i32.const 4)
          )
         )
         (br_if $k7
          (i32.lt_u
           (local.get $102)
           (local.get $104)
          )
         )
        )
        (local.set $105
         (i32.add
          (i32.add
           (local.get $2)
           (i32.mul
            (local.get $9)
            (i32.const 32)
           )
          )
          (i32.mul
           (local.get $8)
           (i32.const 32)
          )
         )
        )
        (v128.store
         (local.get $105)
         (local.get $97)
        )
        (v128.store offset=16
         (local.get $105)
         (local.get $98)
        )
       )
      )
     )
    )
    (block $done10
     (local.set $107
      (local.get $4)
     )
     (br_if $done10
      (i32.ge_s
       (local.get $107)
       (local.get $5)
      )
     )
     (loop $loop11
      (local.set $109
       (i32.add
        (i32.add
         (local.get $2)
         (i32.mul
          (local.get $107)
          (i32.const 32)
         )
        )
        (i32.mul
         (local.get $8)
         (i32.const 32)
        )
       )
      )
      (block $done8
       (local.set $108
        (i32.const 0)
       )
       (br_if $done8
        (i32.ge_s
         (local.get $108)
         (i32.const 32)
        )
       )
       (loop $loop9
        (local.set $110
         (v128.load
          (i32.add
           (local.get $109)
           (local.get $108)
          )
         )
        )
        (block
         (local.set $110
          (f32x4.add
           (local.get $110)
           (local.get $110)
          )
         )
         (block
          (local.set $110
           (f32x4.max
            (f32x4.min
             (local.get $110)
             (f32x4.splat
              (f32.const 88)
             )
            )
            (f32x4.splat
             (f32.const -87.3365478515625)
            )
           )
          )
          (local.set $113
           (f32x4.nearest
            (f32x4.mul
             (local.get $110)
             (f32x4.splat
              (f32.const 1.4426950216293335)
             )
            )
           )
          )
          (local.set $110
           (f32x4.sub
            (local.get $110)
            (f32x4.mul
             (local.get $113)
             (f32x4.splat
              (f32.const 0.693359375)
             )
            )
           )
          )
          (local.set $110
           (f32x4.sub
            (local.get $110)
            (f32x4.mul
             (local.get $113)
             (f32x4.splat
              (f32.const -2.1219444170128554e-04)
             )
            )
           )
          )
          (local.set $114
           (f32x4.mul
            (local.get $110)
            (local.get $110)
           )
          )
          (local.set $112
           (f32x4.relaxed_madd
            (f32x4.relaxed_madd
             (f32x4.relaxed_madd
              (f32x4.relaxed_madd
               (f32x4.relaxed_madd
                (f32x4.relaxed_madd
                 (f32x4.splat
                  (f32.const 1.9875691214110702e-04)
                 )
                 (local.get $110)
                 (f32x4.splat
                  (f32.const 0.001398199936375022)
                 )
                )
                (local.get $110)
                (f32x4.splat
                 (f32.const 0.008333452045917511)
                )
               )
               (local.get $110)
               (f32x4.splat
                (f32.const 0.04166579619050026)
               )
              )
              (local.get $110)
              (f32x4.splat
               (f32.const 0.1666666567325592)
              )
             )
             (local.get $110)
             (f32x4.splat
              (f32.const 0.5)
             )
            )
            (local.get $114)
            (f32x4.add
             (local.get $110)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
          (local.set $113
           (i32x4.shl
            (i32x4.add
             (i32x4.trunc_sat_f32x4_s
              (local.get $113)
             )
             (i32x4.splat
              (i32.const 127)
             )
            )
            (i32.const 23)
           )
          )
          (local.set $112
           (f32x4.mul
            (local.get $112)
            (local.get $113)
           )
          )
         )
         (local.set $110
          (f32x4.sub
           (f32x4.splat
            (f32.const 1)
           )
           (f32x4.div
            (f32x4.splat
             (f32.const 2)
            )
            (f32x4.add
             (local.get $112)
             (f32x4.splat
              (f32.const 1)
             )
            )
           )
          )
         )
        )
        (v128.store
         (i32.add
          (local.get $109)
          (local.get $108)
         )
         (local.get $110)
        )
        (local.set $108
         (i32.add
          (local.get $108)
          (i32.const 16)
         )
        )
        (br_if $loop9
         (i32.lt_s
          (local.get $108)
          (i32.const 32)
         )
        )
       )
      )
      (local.set $107
       (i32.add
        (local.get $107)
        (i32.const 1)
       )
      )
      (br_if $loop11
       (i32.lt_s
        (local.get $107)
        (local.get $5)
       )
      )
     )
    )
    (local.set $8
     (i32.add
      (local.get $8)
      (i32.const 1)
     )
    )
    (br_if $loop13
     (i32.lt_s
      (local.get $8)
      (local.get $7)
     )
    )
   )
  )
 )
)
